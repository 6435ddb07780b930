package org.vidcut.api.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.vidcut.api.task.TaskBuilder.aTask;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.vidcut.api.storage.InMemoryObjectStore;

/** What a task's ETag covers and how {@code If-None-Match} is matched against it. */
class TaskEtagTest {

    private static final Instant NOW = Instant.parse("2026-12-02T01:00:00Z");
    /** The links' lifetime in these settings. */
    private static final Duration LINK_LIFETIME = TaskWiring.storage().presignExpiry();

    private final WaitingTasks queue = mock(WaitingTasks.class);
    private final TaskViews views = new TaskViews(new InMemoryObjectStore(), TaskWiring.storage(), queue);

    @Test
    void waitingTaskGetsANewEtagWhenItMovesUpTheQueue() {
        var task = aTask().waiting(NOW).build();
        when(queue.position(task)).thenReturn(5L);
        var etag = views.etag(task, NOW);

        when(queue.position(task)).thenReturn(4L);

        assertThat(views.etag(task, NOW)).isNotEqualTo(etag);
    }

    @Test
    void etagIsWeakAndNamesTheVersion() {
        var task = aTask().processing().build();

        assertThat(views.etag(task, NOW)).isEqualTo("W/\"0\"");
    }

    @Test
    void unfinishedTaskKeepsItsEtagAsTimePasses() {
        var task = aTask().processing().build();

        assertThat(views.etag(task, NOW.plus(LINK_LIFETIME.multipliedBy(3)))).isEqualTo(views.etag(task, NOW));
    }

    @Test
    void doneTaskGetsANewEtagBeforeTheLinkAClientHoldsExpires() {
        var task = aTask().done().build();
        var etag = views.etag(task, NOW);

        assertThat(views.etag(task, NOW.plus(LINK_LIFETIME.dividedBy(2)))).isNotEqualTo(etag);
    }

    @Test
    void ifNoneMatchComparesWeakly() {
        assertThat(TaskViews.matches("W/\"4\"", "W/\"4\"")).isTrue();
        assertThat(TaskViews.matches("\"4\"", "W/\"4\"")).isTrue();
        assertThat(TaskViews.matches("\"1\", W/\"4\"", "W/\"4\"")).isTrue();
        assertThat(TaskViews.matches("*", "W/\"4\"")).isTrue();
        assertThat(TaskViews.matches("W/\"5\"", "W/\"4\"")).isFalse();
        assertThat(TaskViews.matches("W/\"4.1\"", "W/\"4\"")).isFalse();
        assertThat(TaskViews.matches(null, "W/\"4\"")).isFalse();
        assertThat(TaskViews.matches(" ", "W/\"4\"")).isFalse();
    }
}
