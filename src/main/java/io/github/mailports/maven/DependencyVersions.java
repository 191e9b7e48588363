package io.github.mailports.maven;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.ArtifactTypeRegistry;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.collection.CollectResult;
import org.eclipse.aether.collection.DependencyCollectionException;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.DependencyNode;
import org.eclipse.aether.graph.Exclusion;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The versions of the project's dependencies on the runtime path ({@code compile} and {@code runtime} scope, transitive
 * ones included), by dependency <em>collection</em>: only POMs are read, never jars, so it works offline once the POMs
 * are in the local repository and before {@code install} in a reactor. When collection fails part-way (a POM that is
 * not available), the part collected still counts, and at worst the declared dependencies (versions from
 * {@code dependencyManagement} and imported BOMs). No POM (Maven's stub project): nothing, so the Gradle files and
 * the {@code libraries} parameter decide.
 */
final class DependencyVersions {
    /** Nodes visited at most: a dependency graph is hundreds of nodes; this bounds a pathological one. */
    private static final int MAX_NODES = 100_000;

    private DependencyVersions() {
    }

    /** {@code groupId:artifactId} to version; empty when there is no POM. Never throws. */
    static Map<String, String> collect(MavenProject project, MavenSession session, Log log) {
        Map<String, String> out = new TreeMap<>();
        if (project == null || project.getFile() == null) return out;
        List<org.apache.maven.model.Dependency> declared = project.getDependencies();
        for (org.apache.maven.model.Dependency d : declared) {
            if (runtime(d.getScope()) && d.getVersion() != null) out.put(d.getGroupId() + ":" + d.getArtifactId(), d.getVersion());
        }
        if (session == null || session.getRepositorySession() == null) return out;
        try {
            @SuppressWarnings("deprecation")
            RepositorySystem system = session.getContainer().lookup(RepositorySystem.class);
            ArtifactTypeRegistry types = session.getRepositorySession().getArtifactTypeRegistry();
            CollectRequest request = new CollectRequest();
            request.setRootArtifact(new DefaultArtifact(project.getGroupId(), project.getArtifactId(), "pom", project.getVersion()));
            for (org.apache.maven.model.Dependency d : declared) {
                if (runtime(d.getScope()) && d.getVersion() != null) request.addDependency(dependency(d, types));
            }
            if (project.getDependencyManagement() != null) {
                for (org.apache.maven.model.Dependency d : project.getDependencyManagement().getDependencies()) {
                    if (d.getVersion() != null) request.addManagedDependency(dependency(d, types));
                }
            }
            request.setRepositories(project.getRemoteProjectRepositories());
            CollectResult result;
            try {
                result = system.collectDependencies(session.getRepositorySession(), request);
            } catch (DependencyCollectionException e) {
                result = e.getResult(); // what was collected before the failure still counts
                log.debug("mailports: dependency collection was incomplete: " + e.getMessage());
            }
            if (result != null && result.getRoot() != null) walk(result.getRoot(), out);
        } catch (Exception | LinkageError e) {
            log.debug("mailports: dependency versions not collected (" + e + "); the declared ones are used");
        }
        return out;
    }

    private static void walk(DependencyNode root, Map<String, String> out) {
        Deque<DependencyNode> todo = new ArrayDeque<>();
        Set<DependencyNode> seen = Collections.newSetFromMap(new IdentityHashMap<DependencyNode, Boolean>());
        todo.add(root);
        while (!todo.isEmpty() && seen.size() < MAX_NODES) {
            DependencyNode n = todo.poll();
            if (!seen.add(n)) continue;
            Dependency d = n.getDependency();
            if (d != null) {
                if (!runtime(d.getScope())) continue; // a test or provided dependency and everything under it
                Artifact a = d.getArtifact();
                out.putIfAbsent(a.getGroupId() + ":" + a.getArtifactId(), a.getVersion()); // nearest first, as Maven mediates
            }
            todo.addAll(n.getChildren());
        }
    }

    private static boolean runtime(String scope) {
        return scope == null || scope.isEmpty() || scope.equals("compile") || scope.equals("runtime");
    }

    private static Dependency dependency(org.apache.maven.model.Dependency d, ArtifactTypeRegistry types) {
        Artifact a = new DefaultArtifact(d.getGroupId(), d.getArtifactId(), d.getClassifier(),
                types != null && types.get(d.getType()) != null ? types.get(d.getType()).getExtension() : d.getType(),
                d.getVersion());
        List<Exclusion> exclusions = new ArrayList<>();
        for (org.apache.maven.model.Exclusion x : d.getExclusions()) {
            exclusions.add(new Exclusion(x.getGroupId(), x.getArtifactId(), "*", "*"));
        }
        return new Dependency(a, d.getScope(), d.isOptional(), exclusions);
    }
}
