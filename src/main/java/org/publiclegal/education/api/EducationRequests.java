package org.publiclegal.education.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.publiclegal.education.Episode;
import org.publiclegal.education.Topic;

import java.util.List;

/** Request bodies of the 普法 video endpoints. */
public final class EducationRequests {

    private EducationRequests() {
    }

    /** 开设栏目. */
    public record CreateColumn(
            @NotBlank(message = "请填写栏目名称") @Size(max = 60, message = "栏目名称最多 60 字") String name,
            @Size(max = 500, message = "栏目简介最多 500 字") String description) {
    }

    /**
     * 一期节目. {@code videoPath} is the object's path on the CDN (e.g. {@code /pufa/lvshi/001.mp4}), never a
     * full URL: playback URLs are signed per request. {@code regionCode} defaults to the column's region.
     */
    public record EpisodeRequest(
            @NotBlank(message = "请填写标题") @Size(max = 100, message = "标题最多 100 字") String title,
            @NotBlank(message = "请填写简介") @Size(max = 1000, message = "简介最多 1000 字") String summary,
            @NotEmpty(message = "请选择至少一个主题") @Size(max = 5, message = "主题最多 5 个") List<@NotNull(message = "主题不能为空") Topic> topics,
            @Size(max = 10, message = "法律依据最多 10 条") List<@NotBlank(message = "法律依据不能为空") @Size(max = 100, message = "每条法律依据最多 100 字") String> lawRefs,
            @NotNull(message = "请填写时长（秒）") @Min(value = 5, message = "时长至少 5 秒") @Max(value = 3600, message = "短视频时长最多 3600 秒") Integer durationSeconds,
            @Size(max = 500, message = "封面地址最多 500 字符") @Pattern(regexp = "https://[\\x21-\\x7e]+", message = "封面地址须为 https 地址") String coverUrl,
            @NotBlank(message = "请填写视频文件路径") @Pattern(regexp = "/[A-Za-z0-9._~%/-]{1,299}", message = "视频文件路径须以 / 开头，只含字母、数字和 ._~%/-（中文请先 URL 编码）") String videoPath,
            @NotBlank(message = "请填写主讲人") @Size(max = 50, message = "主讲人最多 50 字") String presenterName,
            @NotBlank(message = "请填写主讲人身份（如执业律师、公职律师）") @Size(max = 30, message = "主讲人身份最多 30 字") String presenterTitle,
            @Size(max = 100, message = "主讲人单位最多 100 字") String presenterOrganisation,
            @Pattern(regexp = "\\d{12}", message = "行政区划代码应为 12 位数字") String regionCode,
            @Size(max = 20000, message = "字幕文稿最多 20000 字") String transcript) {

        public Episode.Content content() {
            return new Episode.Content(title.strip(), summary.strip(), topics, lawRefs == null ? List.of()
                    : lawRefs.stream().map(String::strip).toList(), durationSeconds, coverUrl, videoPath,
                    presenterName.strip(), presenterTitle.strip(), presenterOrganisation, regionCode, transcript);
        }
    }

    /** 退回或下架的理由. */
    public record Reason(@NotBlank(message = "请填写理由") @Size(max = 500, message = "理由最多 500 字") String reason) {
    }

    /** 播放上报: the mini-program reports progress while playing (anonymous devices allowed). */
    public record ViewReport(
            @NotNull(message = "请提供设备标识") @Pattern(regexp = "[A-Za-z0-9_-]{16,64}", message = "设备标识须为 16 至 64 位字母、数字、_ 或 -") String deviceId,
            @NotNull(message = "请提供播放进度") @Min(value = 0, message = "播放进度为 0 至 100") @Max(value = 100, message = "播放进度为 0 至 100") Integer progressPercent) {
    }
}
