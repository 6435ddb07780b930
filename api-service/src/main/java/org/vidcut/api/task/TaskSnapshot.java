package org.vidcut.api.task;

/**
 * A task as its owner sees it at one version.
 *
 * @param version the task's {@code version} the view was built from (see {@link TaskChanged#version()})
 * @param ended the task is done, failed or canceled: nothing changes any more unless it is restarted
 */
public record TaskSnapshot(TaskView view, long version, boolean ended) {}
