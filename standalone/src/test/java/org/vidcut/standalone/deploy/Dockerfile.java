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
 * A Dockerfile reduced to its instructions, enough to compare it with compose, k8s and the applications.
 *
 * @param module the Maven module whose directory holds the Dockerfile
 * @param instructions every instruction, continuation lines joined, comment lines dropped
 */
record Dockerfile(String module, Path path, List<Instruction> instructions) {

    private static final Pattern KEY_VALUE = Pattern.compile("([A-Za-z0-9_.\\-]+)=(\"(?:[^\"\\\\]|\\\\.)*\"|\\S+)");

    /** One instruction, e.g. {@code ENV}, with its arguments and the build stage (0 = first FROM) it is in. */
    record Instruction(String keyword, String arguments, int stage) {}

    static Dockerfile of(String module) {
        Path path = DeployFiles.root().resolve(module).resolve("Dockerfile");
        List<Instruction> instructions = new ArrayList<>();
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
            String whole = pending.toString().strip();
            pending.setLength(0);
            if (whole.isEmpty()) {
                continue;
            }
            String[] parts = whole.split("\\s+", 2);
            String keyword = parts[0].toUpperCase(Locale.ROOT);
            if (keyword.equals("FROM")) {
                stage++;
            }
            instructions.add(new Instruction(keyword, parts.length > 1 ? parts[1].strip() : "", stage));
        }
        return new Dockerfile(module, path, instructions);
    }

    List<Instruction> all(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    int lastStage() {
        return instructions.stream().mapToInt(Instruction::stage).max().orElse(0);
    }

    /** The instructions of the final (runtime) stage with this keyword. */
    List<Instruction> runtime(String keyword) {
        int last = lastStage();
        return all(keyword).stream().filter(i -> i.stage() == last).toList();
    }

    String runtimeBaseImage() {
        return runtime("FROM").get(0).arguments().split("\\s+")[0];
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
