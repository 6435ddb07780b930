package org.vidcut.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OutputFormatTest {

    @ParameterizedTest
    @EnumSource(OutputFormat.class)
    void everyFormatHasAContentTypeOfItsKind(OutputFormat format) {
        var kind = format == OutputFormat.GIF || format.isStill() ? "image/" : format.hasVideo() ? "video/" : "audio/";

        assertThat(format.contentType()).startsWith(kind).matches("[a-z]+/[a-z0-9.+-]+");
    }

    @Test
    void servesResultsWithTheRegisteredMediaTypes() {
        assertThat(OutputFormat.WEBM.contentType()).isEqualTo("video/webm");
        assertThat(OutputFormat.GIF.contentType()).isEqualTo("image/gif");
        assertThat(OutputFormat.MP3.contentType()).isEqualTo("audio/mpeg");
        assertThat(OutputFormat.MKV.contentType()).isEqualTo("video/x-matroska");
        assertThat(OutputFormat.JPG.contentType()).isEqualTo("image/jpeg");
        assertThat(OutputFormat.PNG.contentType()).isEqualTo("image/png");
        assertThat(OutputFormat.WEBP.contentType()).isEqualTo("image/webp");
    }

    @Test
    void onlyImageFormatsAreStills() {
        assertThat(OutputFormat.values())
                .filteredOn(OutputFormat::isStill)
                .containsExactly(OutputFormat.JPG, OutputFormat.PNG, OutputFormat.WEBP);
    }
}
