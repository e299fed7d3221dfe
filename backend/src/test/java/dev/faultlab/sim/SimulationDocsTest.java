package dev.faultlab.sim;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/SIMULATION.md quotes real source; each quoted block must still appear, verbatim, in the file it names. */
class SimulationDocsTest {
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    private static final Pattern QUOTE = Pattern.compile("<!-- source: (\\S+) -->\\s*```java\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyQuotedBlockIsInItsSourceFile() throws IOException {
        String doc = Files.readString(ROOT.resolve("docs/SIMULATION.md"));
        Matcher quote = QUOTE.matcher(doc);
        int quotes = 0;
        while (quote.find()) {
            quotes++;
            String source = Files.readString(ROOT.resolve(quote.group(1)));
            assertThat(source).as("block %d of docs/SIMULATION.md, quoted from %s", quotes, quote.group(1))
                    .contains(quote.group(2));
        }
        assertThat(quotes).isEqualTo(5);
    }
}
