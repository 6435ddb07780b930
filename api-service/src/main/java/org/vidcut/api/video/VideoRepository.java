package org.vidcut.api.video;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

/** Videos, only ever reachable through their owner: there is no unscoped finder. */
interface VideoRepository extends Repository<VideoDocument, String> {

    VideoDocument save(VideoDocument video);

    Optional<VideoDocument> findByIdAndOwnerId(String id, String ownerId);

    Page<VideoDocument> findByOwnerIdOrderByCreatedAtDescIdDesc(String ownerId, Pageable pageable);

    long deleteByIdAndOwnerId(String id, String ownerId);
}
