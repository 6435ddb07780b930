package org.vidcut.standalone.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The repository's Dockerfile as one module's image sees it: built with {@code --build-arg MODULE=<module>} and
 * {@code --target <module>}, reduced to its instructions, enough to compare it with compose, k8s and the
 * applications.
 *
 * @param module the Maven module the image packages, also the name of its target stage
 * @param instructions every instruction, continuation lines joined, comment lines dropped, {@code ${MODULE}}
 *     replaced by the module
 * @param stageNames the name ({@code AS ...}) of each build stage, in order; empty for an unnamed one
 */
record Dockerfile(String module, Path path, List<Instruction> instructions, List<String> stageNames) {

    private static final Pattern KEY_VALUE = Pattern.compile("([A-Za-z0-9_.\\-]+)=(\"(?:[^\"\\\\]|\\\\.)*\"|\\S+)");
    private static final Pattern STAGE_NAME = Pattern.compile("\\s(?i:as)\\s+(\\S+)\\s*$");

    /** One instruction, e.g. {@code ENV}, with its arguments and the build stage (0 = first FROM) it is in. */
    record Instruction(String keyword, String arguments, int stage) {}

    static Dockerfile of(String module) {
        Path path = DeployFiles.root().resolve("Dockerfile");
        List<Instruction> instructions = new ArrayList<>();
        List<String> stageNames = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        int stage = -1;
        for (String line : DeployFiles.read(path).split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && pending.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            pending.append(trimmed);
            String whole =
                    pending.toString().strip().replace("${MODULE}", module).replace("$MODULE", module);
            pending.setLength(0);
            if (whole.isEmpty()) {
                continue;
            }
            String[] parts = whole.split("\\s+", 2);
            String keyword = parts[0].toUpperCase(Locale.ROOT);
            if (keyword.equals("FROM")) {
                stage++;
                Matcher name = STAGE_NAME.matcher(whole);
                stageNames.add(name.find() ? name.group(1) : "");
            }
            instructions.add(new Instruction(keyword, parts.length > 1 ? parts[1].strip() : "", stage));
        }
        return new Dockerfile(module, path, instructions, stageNames);
    }

    /** The stage names of the repository's Dockerfile, e.g. to find the modules it has a target for. */
    static List<String> targets() {
        return of("").stageNames();
    }

    List<Instruction> all(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    /**
     * The stages the module's image is made of: its target stage and the stages it is built {@code FROM}, in
     * file order.
     */
    List<Integer> runtimeStages() {
        int stage = stageNames.indexOf(module);
        if (stage < 0) {
            throw new IllegalStateException(path + " has no target stage " + module);
        }
        List<Integer> chain = new ArrayList<>();
        while (stage >= 0) {
            chain.add(0, stage);
            stage = stageNames.indexOf(baseOf(stage));
        }
        return chain;
    }

    /** The instructions of the module's image with this keyword, build stages left out. */
    List<Instruction> runtime(String keyword) {
        List<Integer> stages = runtimeStages();
        return all(keyword).stream().filter(i -> stages.contains(i.stage())).toList();
    }

    String runtimeBaseImage() {
        return baseOf(runtimeStages().get(0));
    }

    private String baseOf(int stage) {
        return all("FROM").get(stage).arguments().split("\\s+")[0];
    }

    Map<String, String> runtimeEnv() {
        return keyValues(runtime("ENV"));
    }

    Map<String, String> runtimeLabels() {
        return keyValues(runtime("LABEL"));
    }

    /** The image reference the labels document: {@code title:version}. */
    String image() {
        Map<String, String> labels = runtimeLabels();
        String title = labels.get("org.opencontainers.image.title");
        String version = labels.get("org.opencontainers.image.version");
        if (title == null || version == null) {
            throw new IllegalStateException(
                    path + ": labels org.opencontainers.image.title and .version name the image");
        }
        return title + ":" + version;
    }

    private static Map<String, String> keyValues(List<Instruction> instructions) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Instruction instruction : instructions) {
            Matcher matcher = KEY_VALUE.matcher(instruction.arguments());
            while (matcher.find()) {
                String value = matcher.group(2);
                if (value.startsWith("\"")) {
                    value = value.substring(1, value.length() - 1).replace("\\\"", "\"");
                }
                values.put(matcher.group(1), value);
            }
        }
        return values;
    }
}
