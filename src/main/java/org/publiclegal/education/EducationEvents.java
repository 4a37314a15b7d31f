package org.publiclegal.education;

/**
 * The ledger kinds the 普法 video module writes, each in the transaction of the act it counts, with the
 * episode's region and the column's organisation:
 * <ul>
 *     <li>{@link #EPISODE_PUBLISHED} = <b>普法宣传短视频</b> (期), at publication; a withdrawal does NOT reverse it
 *     (the period it was published in keeps counting it);</li>
 *     <li>{@link #PLAY} = <b>普法视频播放</b> (人次): the first view of a device per episode per China-time day;</li>
 *     <li>{@link #COMPLETED}: the first time that play reaches the completion threshold (完播).</li>
 * </ul>
 * Online views are not 普法参与人次 ({@code EDUCATION_PARTICIPATION}, written for lectures by the advisory
 * module): a play is not a person taking part in an activity.
 */
public final class EducationEvents {

    public static final String EPISODE_PUBLISHED = "EDUCATION_VIDEO_EPISODE_PUBLISHED";
    public static final String PLAY = "EDUCATION_VIDEO_PLAY";
    public static final String COMPLETED = "EDUCATION_VIDEO_COMPLETED";
    public static final String SOURCE = "edu_episode";

    private EducationEvents() {
    }
}
