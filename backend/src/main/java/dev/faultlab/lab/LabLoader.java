package dev.faultlab.lab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.faultlab.lab.exercise.GradedExercise;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one lab folder: lab.yaml is parsed, checked against the schema, then against what only the
 * platform knows (protocols, answer keys, variables), and finally self-tested on its default variant.
 * Every problem names the file, the line and the field.
 */
final class LabLoader {
    static final String LAB_FILE = "lab.yaml";
    static final long MAX_FILE_BYTES = 1 << 20;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<String> DEFAULT_PANELS = List.of("instructions", "run");

    private final ReferenceGrading grading;

    LabLoader(ReferenceGrading grading) {
        this.grading = grading;
    }

    Lab load(Path folder) throws LabLoadException {
        String id = folder.getFileName().toString();
        Path file = folder.resolve(LAB_FILE);
        String where = folder.getFileName() + "/" + LAB_FILE;
        String text = read(id, file, where);
        JsonNode yaml;
        YamlLocations locations;
        try {
            yaml = YAML.readTree(text);
            locations = YamlLocations.of(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw problem(id, where, line, "", "is not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw problem(id, where, 0, "", "cannot be read: " + e.getMessage());
        }
        if (yaml == null || !yaml.isObject()) {
            throw problem(id, where, 1, "", "must be a YAML mapping (title, protocol, scenario, exercises, ...)");
        }
        List<LabProblem> problems = new ArrayList<>();
        if (!id.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            problems.add(new LabProblem(id, where, 0, "", "the folder name is the lab's id: lower-case letters, digits and '-'"));
        }
        for (LabSchema.Violation violation : LabSchema.check(yaml)) {
            problems.add(new LabProblem(id, where, locations.line(violation.pointer()), field(violation.pointer()), violation.message()));
        }
        if (!problems.isEmpty()) {
            throw new LabLoadException(problems);
        }
        Lab lab;
        try {
            lab = build(id, folder, yaml, text);
        } catch (LabException e) {
            throw problem(id, where, locations.line(YamlLocations.pointerOf(e.field())), e.field(), e.problem());
        }
        for (LabSelfTest.Finding finding : LabSelfTest.check(lab, grading, null)) {
            problems.add(new LabProblem(id, where, locations.line(YamlLocations.pointerOf(finding.field())), finding.field(),
                    finding.message()));
        }
        if (!problems.isEmpty()) {
            throw new LabLoadException(problems);
        }
        return lab;
    }

    private Lab build(String id, Path folder, JsonNode yaml, String text) {
        String protocol = yaml.get("protocol").asText();
        if (grading.registry().find(protocol).isEmpty()) {
            throw new LabException("protocol", "no protocol '" + protocol + "'; the protocols are "
                    + grading.registry().all().stream().map(p -> p.id()).toList());
        }
        LabPolicy policy = PolicyParser.over(LabPolicy.defaults(), yaml.get("policy"));
        Map<String, Variable> variables = new LinkedHashMap<>();
        yaml.path("variables").fields().forEachRemaining(v -> variables.put(v.getKey(), Variable.parse(v.getKey(), v.getValue())));
        String instructions = "";
        if (yaml.has("instructions")) {
            Path markdown = folder.resolve(yaml.get("instructions").asText());
            try {
                if (Files.size(markdown) > MAX_FILE_BYTES) {
                    throw new LabException("instructions", "the file is larger than " + MAX_FILE_BYTES + " bytes");
                }
                instructions = Files.readString(markdown, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new LabException("instructions", "the file " + markdown.getFileName() + " cannot be read: " + e.getMessage());
            }
        }
        List<String> panels = new ArrayList<>();
        yaml.path("panels").forEach(p -> panels.add(p.asText()));
        LabDefinition definition = new LabDefinition(folder, variables, "fixed".equals(yaml.path("variants").asText()),
                yaml.get("scenario"), yaml.get("given"), Markdown.html(instructions), yaml.has("panels") ? panels : DEFAULT_PANELS,
                yaml.path("practice").asBoolean(true) && !variables.isEmpty(), FigureParser.parse(yaml.get("figures"), grading.chartKeys()),
                claims(yaml.path("holds")));
        List<GradedExercise> exercises = ExerciseParser.parse(yaml.get("exercises"), protocol, policy, grading.keys());
        return new Lab(id, version(text, instructions), yaml.get("title").asText(), yaml.path("summary").asText(""),
                protocol, policy, exercises, definition, yaml.hasNonNull("topic") ? yaml.get("topic").asText() : null);
    }

    private static List<Claim> claims(JsonNode holds) {
        List<Claim> claims = new ArrayList<>();
        for (int i = 0; i < holds.size(); i++) {
            JsonNode claim = holds.get(i);
            claims.add(new Claim(claim.get("property").asText(), ExplorerSpecs.scenario(claim.get("params")),
                    ExplorerSpecs.bounds(claim.get("search"), "holds[" + i + "].search")));
        }
        return claims;
    }

    private static String read(String id, Path file, String where) throws LabLoadException {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw problem(id, where, 0, "", "is larger than " + MAX_FILE_BYTES + " bytes");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw problem(id, where, 0, "", "cannot be read: " + e.getMessage());
        }
    }

    /** "/exercises/2/answer" as "exercises[2].answer". */
    static String field(String pointer) {
        return pointer.replaceFirst("^/", "").replaceAll("/(\\d+)(?=/|$)", "[$1]").replace('/', '.');
    }

    private static String version(String... files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String file : files) {
                digest.update(file.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static LabLoadException problem(String id, String file, int line, String field, String message) {
        return new LabLoadException(List.of(new LabProblem(id, file, line, field, message)));
    }
}
