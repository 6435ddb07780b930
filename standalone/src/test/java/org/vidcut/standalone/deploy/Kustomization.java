package org.vidcut.standalone.deploy;

import static org.vidcut.standalone.deploy.DeployFiles.listAt;
import static org.vidcut.standalone.deploy.DeployFiles.map;
import static org.vidcut.standalone.deploy.DeployFiles.mapAt;
import static org.vidcut.standalone.deploy.DeployFiles.stringAt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What {@code kubectl apply -k DIR} would send, for the parts of kustomize the manifests use: resources,
 * components, secret/config map generators from env files and the namespace. Generators read
 * {@code FILE.example} when {@code FILE} (git-ignored, with the real secrets) does not exist, so the checks
 * run against the committed template.
 *
 * @param documents the rendered objects
 * @param files every manifest and env file read
 */
record Kustomization(Path directory, List<Map<String, Object>> documents, Set<Path> files) {

    static Path k8s() {
        return DeployFiles.root().resolve("k8s");
    }

    /** Every directory under k8s/ that holds a kustomization.yaml. */
    static List<Path> directories() {
        try (Stream<Path> walk = Files.walk(k8s())) {
            return walk.filter(path -> path.getFileName().toString().equals("kustomization.yaml"))
                    .map(Path::getParent)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Kustomization load(Path directory) {
        List<Map<String, Object>> documents = new ArrayList<>();
        Set<Path> files = new LinkedHashSet<>();
        collect(directory.normalize(), documents, files);
        return new Kustomization(directory, List.copyOf(documents), files);
    }

    static Map<String, Object> kustomizationFile(Path directory) {
        return DeployFiles.yamlMap(directory.resolve("kustomization.yaml"));
    }

    private static void collect(Path directory, List<Map<String, Object>> documents, Set<Path> files) {
        Path file = directory.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(directory + " has no kustomization.yaml");
        }
        files.add(file);
        Map<String, Object> kustomization = kustomizationFile(directory);
        List<Map<String, Object>> own = new ArrayList<>();
        for (Object resource : listAt(kustomization, "resources")) {
            Path path = directory.resolve(resource.toString()).normalize();
            if (Files.isDirectory(path)) {
                collect(path, own, files);
            } else if (Files.isRegularFile(path)) {
                files.add(path);
                for (Object document : DeployFiles.yamlDocuments(path)) {
                    own.add(map(document, path.toString()));
                }
            } else {
                throw new IllegalStateException(file + " lists a resource that does not exist: " + resource);
            }
        }
        for (Object component : listAt(kustomization, "components")) {
            collect(directory.resolve(component.toString()).normalize(), own, files);
        }
        own.addAll(generated(directory, kustomization, "secretGenerator", "Secret", files));
        own.addAll(generated(directory, kustomization, "configMapGenerator", "ConfigMap", files));
        String namespace = stringAt(kustomization, "namespace");
        if (namespace != null) {
            for (Map<String, Object> document : own) {
                if (!"Namespace".equals(document.get("kind"))) {
                    map(document.computeIfAbsent("metadata", key -> new LinkedHashMap<>()), "metadata")
                            .put("namespace", namespace);
                }
            }
        }
        documents.addAll(own);
    }

    private static List<Map<String, Object>> generated(
            Path directory, Map<String, Object> kustomization, String generator, String kind, Set<Path> files) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Map<String, Object> spec : DeployFiles.mapsAt(kustomization, generator)) {
            Map<String, String> data = new LinkedHashMap<>();
            for (Object envs : listAt(spec, "envs")) {
                Path env = directory.resolve(envs.toString());
                Path template = directory.resolve(envs + ".example");
                Path source = Files.isRegularFile(env) ? env : template;
                if (!Files.isRegularFile(source)) {
                    throw new IllegalStateException(directory + ": " + generator + " reads " + envs
                            + ", which exists neither as a file nor as " + template.getFileName());
                }
                files.add(source);
                data.putAll(DeployFiles.envFile(source));
            }
            for (Object literal : listAt(spec, "literals")) {
                String[] keyValue = literal.toString().split("=", 2);
                data.put(keyValue[0], keyValue.length > 1 ? keyValue[1] : "");
            }
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("name", spec.get("name"));
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("apiVersion", "v1");
            document.put("kind", kind);
            document.put("metadata", metadata);
            document.put(kind.equals("Secret") ? "stringData" : "data", data);
            documents.add(document);
        }
        return documents;
    }

    List<Map<String, Object>> ofKind(String kind) {
        return documents.stream()
                .filter(document -> kind.equals(document.get("kind")))
                .toList();
    }

    Map<String, Object> named(String kind, String name) {
        return ofKind(kind).stream()
                .filter(document -> name.equals(stringAt(document, "metadata.name")))
                .findFirst()
                .orElse(null);
    }

    /** Keys of a ConfigMap or Secret, whichever of data / stringData they are in. */
    Map<String, String> keys(String kind, String name) {
        Map<String, Object> document = named(kind, name);
        if (document == null) {
            return null;
        }
        Map<String, String> keys = new LinkedHashMap<>();
        for (String field : List.of("data", "stringData")) {
            mapAt(document, field).forEach((key, value) -> keys.put(key, value == null ? "" : value.toString()));
        }
        return keys;
    }

    /** Pod templates of the workloads, by workload kind/name. */
    Map<String, Map<String, Object>> podTemplates() {
        Map<String, Map<String, Object>> templates = new LinkedHashMap<>();
        for (Map<String, Object> document : documents) {
            Object kind = document.get("kind");
            if (List.of("Deployment", "StatefulSet", "DaemonSet", "Job").contains(kind)) {
                templates.put(DeployFiles.kindAndName(document), mapAt(document, "spec.template"));
            }
        }
        return templates;
    }

    /**
     * The environment a container starts with: plain values, keys of referenced ConfigMaps and Secrets.
     * References to missing objects or keys are added to {@code missing}.
     */
    Map<String, String> environment(Map<String, Object> container, List<String> missing) {
        String where = "container " + container.get("name");
        Map<String, String> environment = new LinkedHashMap<>();
        for (Map<String, Object> source : DeployFiles.mapsAt(container, "envFrom")) {
            String prefix = source.getOrDefault("prefix", "").toString();
            for (String kind : List.of("ConfigMap", "Secret")) {
                Map<String, Object> reference = mapAt(source, kind.equals("ConfigMap") ? "configMapRef" : "secretRef");
                if (reference.isEmpty()) {
                    continue;
                }
                Map<String, String> keys = keys(kind, reference.get("name").toString());
                if (keys == null) {
                    if (!Boolean.TRUE.equals(reference.get("optional"))) {
                        missing.add(where + ": envFrom " + kind + " " + reference.get("name") + " does not exist");
                    }
                    continue;
                }
                keys.forEach((key, value) -> environment.put(prefix + key, value));
            }
        }
        for (Map<String, Object> variable : DeployFiles.mapsAt(container, "env")) {
            String name = variable.get("name").toString();
            if (variable.containsKey("value")) {
                environment.put(name, String.valueOf(variable.get("value")));
                continue;
            }
            Map<String, Object> from = mapAt(variable, "valueFrom");
            String value = "(from " + from.keySet() + ")";
            for (String kind : List.of("ConfigMap", "Secret")) {
                Map<String, Object> reference =
                        mapAt(from, kind.equals("ConfigMap") ? "configMapKeyRef" : "secretKeyRef");
                if (reference.isEmpty()) {
                    continue;
                }
                Map<String, String> keys = keys(kind, reference.get("name").toString());
                String key = reference.get("key").toString();
                if (keys == null || !keys.containsKey(key)) {
                    if (!Boolean.TRUE.equals(reference.get("optional"))) {
                        missing.add(where + ": " + name + " refers to " + kind + " " + reference.get("name") + " key "
                                + key + ", which does not exist");
                    }
                    value = null;
                } else {
                    value = keys.get(key);
                }
            }
            if (value != null) {
                environment.put(name, value);
            }
        }
        return environment;
    }

    /**
     * The same directory rendered by {@code kubectl kustomize}, with every {@code *.env.example} copied to its
     * git-ignored name first (in a copy of k8s/). Null when kubectl is not installed.
     *
     * @param edit applied to the copied kustomization.yaml of this directory before rendering
     */
    List<Map<String, Object>> renderWithKubectl(Path scratch, java.util.function.UnaryOperator<String> edit) {
        if (!kubectlInstalled()) {
            return null;
        }
        try {
            Path copy = scratch.resolve("k8s");
            try (Stream<Path> walk = Files.walk(k8s())) {
                for (Path path : walk.toList()) {
                    Path target = copy.resolve(k8s().relativize(path).toString());
                    if (Files.isDirectory(path)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(path, target);
                    }
                }
            }
            try (Stream<Path> walk = Files.walk(copy)) {
                for (Path template : walk.filter(path -> path.toString().endsWith(".env.example"))
                        .toList()) {
                    Path real = template.resolveSibling(
                            template.getFileName().toString().replace(".example", ""));
                    if (!Files.exists(real)) {
                        Files.copy(template, real);
                    }
                }
            }
            Path target = copy.resolve(k8s().relativize(directory).toString());
            Path kustomization = target.resolve("kustomization.yaml");
            Files.writeString(kustomization, edit.apply(Files.readString(kustomization)));
            Path errors = scratch.resolve("kubectl.err");
            Process process = new ProcessBuilder("kubectl", "kustomize", target.toString())
                    .redirectError(errors.toFile())
                    .start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        "kubectl kustomize " + directory + " failed: " + Files.readString(errors));
            }
            List<Map<String, Object>> documents = new ArrayList<>();
            for (Object document : DeployFiles.yaml().loadAll(new String(out))) {
                if (document != null) {
                    documents.add(map(document, "kubectl kustomize output"));
                }
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static boolean kubectlInstalled() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "kubectl"))) {
                return true;
            }
        }
        return false;
    }
}
