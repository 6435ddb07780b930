package org.vidcut.contracts;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** JSON encoding of {@link Message}s; the only place that knows the wire format. */
public final class MessageCodec {

    public static final String CONTENT_TYPE = "application/json";

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private MessageCodec() {}

    public static byte[] encode(Message message) {
        return MAPPER.writerFor(Message.class).writeValueAsBytes(message);
    }

    /**
     * Decodes any message.
     *
     * @throws UnreadableMessage when the bytes are not JSON, the type id is unknown or a field is missing
     */
    public static Message decode(byte[] body) {
        try {
            var message = MAPPER.readValue(body, Message.class);
            if (message == null || message.taskId() == null || message.taskId().isBlank()) {
                throw new UnreadableMessage("message without task id");
            }
            return message;
        } catch (JacksonException e) {
            throw new UnreadableMessage(e.getOriginalMessage());
        }
    }

    public static <T extends Message> T decode(byte[] body, Class<T> expected) {
        var message = decode(body);
        if (!expected.isInstance(message)) {
            throw new UnreadableMessage("expected " + expected.getSimpleName() + " but got "
                    + message.getClass().getSimpleName());
        }
        return expected.cast(message);
    }

    /** A message that can never be processed: dead-letter it, do not retry it. */
    public static final class UnreadableMessage extends RuntimeException {
        public UnreadableMessage(String reason) {
            super(reason);
        }
    }
}
