package org.vidcut.api.task;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The task side of the webhook outbox. {@link TaskRepository#transition} records every announced state a task
 * enters in the task itself ({@code pending_notifications}, due at {@code notify_due_at}), in the same atomic
 * update as the state change; a sweeper claims such tasks here, turns the notices into deliveries and releases
 * them. MongoDB stand-ins have no transactions, so the state and its notification must live in one document.
 */
@Component
public class TaskNotifications {

    static final String PENDING = "pending_notifications";
    static final String DUE = "notify_due_at";

    private final MongoTemplate mongo;
    private final TaskViews views;
    private final JsonMapper json;

    TaskNotifications(MongoTemplate mongo, TaskViews views, JsonMapper json) {
        this.mongo = mongo;
        this.views = views;
        this.json = json;
    }

    /** The announced states among those a change entered: every state but {@code new}. */
    static List<StateChange> notices(List<TaskState> entered, int attempt, Instant at) {
        return entered.stream()
                .filter(state -> state != TaskState.NEW)
                .map(state -> new StateChange(state, attempt, at))
                .toList();
    }

    static void markPending(Update update, List<StateChange> notices, Instant now) {
        update.push(PENDING).each(notices.toArray()).set(DUE, now);
    }

    /**
     * Claims the task whose notifications are due longest, by moving its due time to {@code leaseUntil}: another
     * replica's sweeper skips it until then, and takes it over if this one dies before {@link #release}.
     */
    public Optional<PendingNotifications> claimNext(Instant now, Instant leaseUntil) {
        var lease = leaseUntil.truncatedTo(ChronoUnit.MILLIS);
        var query = new Query(where(DUE).lte(now)).with(Sort.by(DUE));
        var update = new Update().set(DUE, lease);
        var claimed = mongo.findAndModify(
                query, update, FindAndModifyOptions.options().returnNew(true), Document.class, "tasks");
        if (claimed == null) {
            return Optional.empty();
        }
        var converter = mongo.getConverter();
        var task = converter.read(TaskDocument.class, claimed);
        var notices = claimed.getList(PENDING, Document.class, List.of()).stream()
                .map(entry -> converter.read(StateChange.class, entry))
                .map(change -> new PendingNotifications.Notice(change.state().id(), change.attempt(), change.at()))
                .toList();
        return Optional.of(new PendingNotifications(
                task.id(), task.ownerId(), lease, json.valueToTree(views.view(task)), notices));
    }

    /**
     * Clears the notifications of a claim once they are deliveries. When the task changed meanwhile, its due time
     * is no longer the lease and the new notices stay for the next sweep, together with the handled ones (turning
     * those into deliveries again is idempotent).
     */
    public void release(PendingNotifications claim) {
        mongo.updateFirst(
                new Query(where("_id").is(claim.taskId()).and(DUE).is(claim.leaseUntil())),
                new Update().unset(PENDING).unset(DUE),
                "tasks");
    }
}
