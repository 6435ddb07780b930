package org.vidcut.api.compat.files;

import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.vidcut.api.auth.Accounts;
import org.vidcut.api.auth.TestAuth;
import org.vidcut.api.task.OwnedTasks;
import org.vidcut.api.video.VideoSummary;
import org.vidcut.api.video.Videos;

/** With {@code vidcut.compat.files-api.anonymous=true}, tokenless {@code /file} requests act as the shared account. */
@WebMvcTest(controllers = FileController.class, properties = "vidcut.compat.files-api.anonymous=true")
@EnableConfigurationProperties(FilesApiProperties.class)
@Import({TestAuth.class, FilesErrorDialect.class, SharedFilesAccount.class})
class FileAnonymousContractTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Accounts accounts;

    @MockitoBean
    Videos videos;

    @MockitoBean
    OwnedTasks tasks;

    @Test
    void servesATokenlessRequestAsTheSharedAccount() throws Exception {
        when(accounts.sharedAccount(SharedFilesAccount.USERNAME)).thenReturn("shared-id");
        when(videos.get("shared-id", "video-1")).thenReturn(new VideoSummary("video-1", "a.mp4"));
        when(tasks.latestOf(eq("shared-id"), eq("video-1"), anyInt())).thenReturn(List.of());

        mvc.perform(get("/file/video-1/"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.filename").value("a.mp4"));
    }

    @Test
    void stillRequiresATokenOnTheOtherApis() throws Exception {
        mvc.perform(get("/v1/videos")).andExpect(status().isUnauthorized());
    }
}
