package org.vidcut.api.video;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FilenamesTest {

    @Test
    void keepsOrdinaryName() {
        assertThat(Filenames.sanitize("holiday 2026 (final).mp4")).isEqualTo("holiday 2026 (final).mp4");
    }

    @Test
    void stripsUnixDirectories() {
        assertThat(Filenames.sanitize("../../etc/passwd")).isEqualTo("passwd");
    }

    @Test
    void stripsWindowsDirectories() {
        assertThat(Filenames.sanitize("C:\\Users\\me\\clip.mov")).isEqualTo("clip.mov");
    }

    @Test
    void removesControlCharactersAndHeaderBreakers() {
        assertThat(Filenames.sanitize("a\r\nSet-Cookie: x\u0000\"b.mp4")).isEqualTo("aSet-Cookie: xb.mp4");
    }

    @Test
    void removesBidiOverrides() {
        assertThat(Filenames.sanitize("evil\u202Evom.exe")).isEqualTo("evilvom.exe");
    }

    @Test
    void dropsLeadingDotsSoNothingIsHidden() {
        assertThat(Filenames.sanitize(".hidden.mp4")).isEqualTo("hidden.mp4");
    }

    @Test
    void fallsBackForNothingUsable() {
        assertThat(Filenames.sanitize(null)).isEqualTo(Filenames.FALLBACK);
        assertThat(Filenames.sanitize("..")).isEqualTo(Filenames.FALLBACK);
        assertThat(Filenames.sanitize("dir/")).isEqualTo(Filenames.FALLBACK);
        assertThat(Filenames.sanitize(" \t ")).isEqualTo(Filenames.FALLBACK);
    }

    @Test
    void truncatesVeryLongNamesWithoutSplittingCharacters() {
        var name = Filenames.sanitize("😀".repeat(300));

        assertThat(name.codePointCount(0, name.length())).isEqualTo(Filenames.MAX_LENGTH);
        assertThat(name).isEqualTo("😀".repeat(Filenames.MAX_LENGTH));
    }
}
