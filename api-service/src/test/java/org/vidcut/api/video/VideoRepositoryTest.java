package org.vidcut.api.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.vidcut.api.testing.WithInMemoryMongo;

@WithInMemoryMongo
@DataMongoTest
@Import(VideoIndexes.class)
class VideoRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Autowired
    VideoRepository videos;

    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void empty() {
        mongo.remove(new Query(), VideoDocument.class);
    }

    private static VideoDocument video(String id, String owner, Instant createdAt) {
        return new VideoDocument(
                id,
                owner,
                VideoService.objectKey(owner, id),
                id + ".mp4",
                "video/mp4",
                100,
                2.0,
                64,
                48,
                "h264",
                null,
                "mov,mp4,m4a,3gp,3g2,mj2",
                createdAt,
                null,
                null);
    }

    @Test
    void findsVideoOnlyWithItsOwner() {
        videos.save(video("65a000000000000000000001", "alice", T0));

        assertThat(videos.findByIdAndOwnerId("65a000000000000000000001", "alice"))
                .map(VideoDocument::filename)
                .contains("65a000000000000000000001.mp4");
        assertThat(videos.findByIdAndOwnerId("65a000000000000000000001", "bob")).isEmpty();
    }

    @Test
    void pagesOwnersVideosNewestFirst() {
        videos.save(video("65a000000000000000000001", "alice", T0));
        videos.save(video("65a000000000000000000002", "alice", T0.plusSeconds(20)));
        videos.save(video("65a000000000000000000003", "alice", T0.plusSeconds(10)));
        videos.save(video("65a000000000000000000004", "bob", T0.plusSeconds(30)));

        var first = videos.findByOwnerIdOrderByCreatedAtDescIdDesc("alice", PageRequest.of(0, 2));
        var second = videos.findByOwnerIdOrderByCreatedAtDescIdDesc("alice", PageRequest.of(1, 2));

        assertThat(first.getTotalElements()).isEqualTo(3);
        assertThat(first.getContent())
                .extracting(VideoDocument::id)
                .containsExactly("65a000000000000000000002", "65a000000000000000000003");
        assertThat(second.getContent()).extracting(VideoDocument::id).containsExactly("65a000000000000000000001");
    }

    @Test
    void deletesOnlyTheOwnersVideo() {
        videos.save(video("65a000000000000000000001", "alice", T0));

        assertThat(videos.deleteByIdAndOwnerId("65a000000000000000000001", "bob"))
                .isZero();
        assertThat(videos.deleteByIdAndOwnerId("65a000000000000000000001", "alice"))
                .isEqualTo(1);
        assertThat(videos.findByIdAndOwnerId("65a000000000000000000001", "alice"))
                .isEmpty();
    }

    @Test
    void createsTheOwnerNewestFirstIndex(@Autowired VideoIndexes indexes) {
        indexes.ensure();
        indexes.ensure();

        assertThat(mongo.indexOps(VideoDocument.class).getIndexInfo())
                .extracting(info -> info.getName())
                .contains(VideoIndexes.OWNER_CREATED_INDEX);
    }

    @Test
    void keepsOptionalAudioCodecAbsent() {
        videos.save(video("65a000000000000000000001", "alice", T0));

        assertThat(videos.findByIdAndOwnerId("65a000000000000000000001", "alice"))
                .get()
                .extracting(VideoDocument::audioCodec)
                .isNull();
    }
}
