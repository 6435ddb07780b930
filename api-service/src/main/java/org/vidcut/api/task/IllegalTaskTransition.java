package org.vidcut.api.task;

/** A programming error: code tried a state change the transition table forbids. */
class IllegalTaskTransition extends IllegalStateException {

    IllegalTaskTransition(TaskState from, TaskState to) {
        super("a task cannot move from " + from.id() + " to " + to.id());
    }
}
