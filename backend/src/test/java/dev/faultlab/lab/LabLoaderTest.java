package dev.faultlab.lab;

import dev.faultlab.protocols.Protocols;
import dev.faultlab.protocols.echo.EchoProtocol;
import dev.faultlab.sim.ProtocolRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Loading errors name the file, the line and the field, whichever check finds them. */
class LabLoaderTest {
    private static final String VALID = """
            title: Flooding
            protocol: flooding
            instructions: text.md
            variables:
              values: {each: 3, from: [1, 2, 3], default: [3, 1, 2]}
            scenario:
              params: {n: 3, f: 1, values: "${values}"}
            exercises:
              - id: decisions
                type: table
                title: Who decides what
                prompt: Enter each decision.
                points: 2
                answer: {key: flooding.decisions}
                wrong:
                  - cells: {"P1/value": "7"}
            """;

    @TempDir
    Path labs;

    private final LabLoader loader = new LabLoader(new ReferenceGrading(Protocols.registry()));

    private Path lab(String yaml) throws IOException {
        Path folder = Files.createDirectories(labs.resolve("flood"));
        Files.writeString(folder.resolve("lab.yaml"), yaml);
        Files.writeString(folder.resolve("text.md"), "# Flooding\n\n<script>alert(1)</script>\n\nSee [a link](javascript:void).");
        return folder;
    }

    private LabProblem onlyProblem(String yaml) throws IOException {
        LabLoadException e = catchThrowableOfType(LabLoadException.class, () -> loader.load(lab(yaml)));
        assertThat(e).as("the lab should not load").isNotNull();
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0);
    }

    @Test
    void aValidLabLoadsWithItsInstructionsRenderedSafely() throws Exception {
        Lab lab = loader.load(lab(VALID));

        assertThat(lab.id()).isEqualTo("flood");
        assertThat(lab.points()).isEqualTo(2);
        assertThat(lab.version()).hasSize(12);
        String html = lab.definition().instructionsHtml();
        assertThat(html).contains("<h1>Flooding</h1>").contains("&lt;script&gt;").doesNotContain("<script>")
                .doesNotContain("href=\"javascript").contains("a link</a>");
    }

    @Test
    void yamlSyntaxErrorsNameTheLine() throws IOException {
        LabProblem problem = onlyProblem(VALID.replace("points: 2", "points: [2"));

        assertThat(problem.file()).isEqualTo("flood/lab.yaml");
        assertThat(problem.line()).isBetween(14, 16);
        assertThat(problem.message()).contains("not valid YAML");
    }

    @Test
    void schemaErrorsNameTheLineAndTheField() throws IOException {
        LabProblem problem = onlyProblem(VALID.replace("points: 2", "points: two"));

        assertThat(problem.line()).isEqualTo(13);
        assertThat(problem.field()).isEqualTo("exercises[0].points");
    }

    @Test
    void anUnknownFieldIsNamed() throws IOException {
        LabProblem problem = onlyProblem(VALID.replace("    points: 2", "    points: 2\n    pionts: 3"));

        assertThat(problem.field()).isEqualTo("exercises[0].pionts");
        assertThat(problem.line()).isEqualTo(14);
    }

    @Test
    void aMissingTypeIsOneProblem() throws IOException {
        LabProblem problem = onlyProblem(VALID.replace("    type: table\n", ""));

        assertThat(problem.field()).isEqualTo("exercises[0]");
        assertThat(problem.message()).contains("type");
    }

    @Test
    void anUnknownAnswerKeyListsTheKeys() throws IOException {
        LabProblem problem = onlyProblem(VALID.replace("flooding.decisions", "flooding.decision"));

        assertThat(problem.field()).isEqualTo("exercises[0].answer.key");
        assertThat(problem.line()).isEqualTo(14);
        assertThat(problem.message()).contains("flooding.decisions");
    }

    @Test
    void aKeyOfAnotherProtocolIsRefused() throws IOException {
        LabProblem problem = onlyProblem(VALID.replace("flooding.decisions", "twophase.recovery"));

        assertThat(problem.message()).contains("reads runs of twophase");
    }

    /** The loader knows the protocols and keys of the registry it is given, not of a registry of its own. */
    @Test
    void onlyTheProtocolsOfTheGivenRegistryAndTheirKeysAreOffered() throws IOException {
        LabLoader echoOnly = new LabLoader(new ReferenceGrading(new ProtocolRegistry(List.of(new EchoProtocol()))));

        LabLoadException noProtocol = catchThrowableOfType(LabLoadException.class, () -> echoOnly.load(lab(VALID)));
        LabLoadException noKey = catchThrowableOfType(LabLoadException.class,
                () -> echoOnly.load(lab(VALID.replace("protocol: flooding", "protocol: echo"))));

        assertThat(noProtocol.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("protocol");
            assertThat(problem.message()).isEqualTo("no protocol 'flooding'; the protocols are [echo]");
        });
        assertThat(noKey.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("exercises[0].answer.key");
            assertThat(problem.message()).isEqualTo("no answer key 'flooding.decisions'; the keys are [dependability, trace.events]");
        });
    }

    @Test
    void anUnknownVariableIsNamedWhereItIsUsed() throws IOException {
        LabProblem problem = onlyProblem(VALID.replace("\"${values}\"", "\"${value}\""));

        assertThat(problem.field()).isEqualTo("scenario.params.values");
        assertThat(problem.line()).isEqualTo(7);
        assertThat(problem.message()).contains("names no variable");
    }

    @Test
    void aScenarioTheProtocolRefusesIsNamed() throws IOException {
        LabProblem problem = onlyProblem(VALID.replace("{n: 3, f: 1,", "{n: 3, f: 9,"));

        assertThat(problem.field()).startsWith("scenario.params");
    }

    @Test
    void aListedWrongAnswerThatScoresFullMarksIsReported() throws IOException {
        LabProblem problem = onlyProblem(VALID.replace("{\"P1/value\": \"7\"}", "{}"));

        assertThat(problem.field()).isEqualTo("exercises[0].wrong[0]");
        assertThat(problem.message()).contains("scores full marks");
    }

    @Test
    void aDefaultThatTheVariableCannotDrawIsRefused() throws IOException {
        LabProblem problem = onlyProblem(VALID.replace("default: [3, 1, 2]", "default: [3, 1, 7]"));

        assertThat(problem.field()).isEqualTo("variables.values.default");
    }

    @Test
    void aMissingInstructionsFileIsNamed() throws IOException {
        Path folder = lab(VALID);
        Files.delete(folder.resolve("text.md"));

        assertThatThrownBy(() -> loader.load(folder)).isInstanceOf(LabLoadException.class)
                .hasMessageContaining("flood/lab.yaml:3: instructions");
    }
}
