package org.vidcut.api.upload;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.vidcut.api.storage.StoredPart;

/**
 * Whether the stored parts make up the announced file: every number from 1, each exactly its expected size (part
 * links cannot bind a length, so this is where a part larger than announced is caught), and, when the client
 * listed its etags, the same etags.
 */
final class PartCheck {

    private PartCheck() {}

    static void requireComplete(
            UploadDocument upload, List<StoredPart> stored, @Nullable List<CompleteUploadRequest.PartEtag> listed) {
        var byNumber = stored.stream().collect(Collectors.toMap(StoredPart::number, Function.identity(), (a, b) -> b));
        if (listed != null) {
            requireListedEtags(upload, byNumber, listed);
        }
        var problems = new ArrayList<String>();
        for (int number = 1; number <= upload.partCount(); number++) {
            var part = byNumber.get(number);
            long expected = upload.expectedPartSize(number);
            if (part == null) {
                problems.add("part " + number + " is missing");
            } else if (part.size() != expected) {
                problems.add("part " + number + " has " + part.size() + " bytes, expected " + expected);
            }
        }
        byNumber.keySet().stream()
                .filter(number -> number > upload.partCount())
                .forEach(number -> problems.add("part " + number + " is beyond the last part " + upload.partCount()));
        if (!problems.isEmpty()) {
            throw new UploadIncomplete(String.join("; ", problems));
        }
    }

    private static void requireListedEtags(
            UploadDocument upload, Map<Integer, StoredPart> stored, List<CompleteUploadRequest.PartEtag> listed) {
        if (listed.size() != upload.partCount()) {
            throw new InvalidUploadRequest("parts", "must list all " + upload.partCount() + " parts");
        }
        for (int i = 0; i < listed.size(); i++) {
            var part = listed.get(i);
            if (part == null || part.number() == null || part.number() != i + 1 || part.etag() == null) {
                throw new InvalidUploadRequest(
                        "parts", "must list each part as {number, etag}, numbers from 1 in order");
            }
            var held = stored.get(part.number());
            if (held != null && !held.etag().equals(part.etag().replace("\"", ""))) {
                throw new UploadIncomplete(
                        "part " + part.number() + " in the store is not the one listed (etag " + held.etag() + ")");
            }
        }
    }
}
