package org.publiclegal.education;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchGramsTest {

    @Test
    void normalisesFullWidthCaseAndPunctuationToSingleSpaces() {
        assertEquals("12348 热线 app 咨询", SearchGrams.normalize("１２３４８ 热线，ＡＰＰ——咨询！"));
        assertEquals("", SearchGrams.normalize("，。！  "));
        assertEquals("", SearchGrams.normalize(null));
    }

    @Test
    void indexesEveryChineseCharacterAndBigramAndEveryLatinWordOnce() {
        assertEquals(List.of("12348", "动", "劳", "劳动", "热", "热线", "线"), sorted(SearchGrams.grams("劳动 12348热线，劳动")));
        assertEquals(List.of("app", "wechat"), SearchGrams.grams("WeChat App app"));
    }

    @Test
    void aFourCharacterQueryNeedsTwoNonOverlappingBigramsAndBothAreInTheLongerTitle() {
        SearchGrams.Query q = SearchGrams.query("劳动合同");
        assertEquals(List.of("劳动", "合同"), sorted(q.grams()).stream().sorted(
                java.util.Comparator.comparingInt("劳动合同"::indexOf)).toList());
        assertEquals(List.of("劳动合同"), q.segments());
        assertTrue(SearchGrams.grams("签订劳动合同要注意什么").containsAll(q.grams()));
    }

    @Test
    void oddRunsAddTheirLastBigramSoTheLastCharacterIsCoveredThreeAndFiveCharacters() {
        assertEquals(Set.of("交通", "通事"), Set.copyOf(SearchGrams.query("交通事").grams()));
        assertEquals(Set.of("劳动", "合同", "同法"), Set.copyOf(SearchGrams.query("劳动合同法").grams()));
        assertEquals(Set.of("劳动", "合同", "仲裁"), Set.copyOf(SearchGrams.query("劳动合同仲裁").grams()));
        assertTrue(SearchGrams.grams("劳动合同法第十条").containsAll(SearchGrams.query("劳动合同法").grams()));
    }

    @Test
    void aTwoCharacterQueryIsOneIndexKeyAndAOneCharacterQueryItsCharacter() {
        assertEquals(List.of("离婚"), SearchGrams.query("离婚").grams());
        assertEquals(List.of("婚"), SearchGrams.query("婚").grams());
        assertTrue(SearchGrams.grams("离婚时彩礼要不要退").contains("婚"));
    }

    @Test
    void aQueryOfSeveralWordsKeepsEachAsASegmentToCheck() {
        SearchGrams.Query q = SearchGrams.query(" 欠薪，12348 ");
        assertEquals(List.of("12348", "欠薪"), q.grams());
        assertEquals(List.of("欠薪", "12348"), q.segments());
    }

    @Test
    void aQueryWithoutLettersOrDigitsHasNothingToSearch() {
        assertTrue(SearchGrams.query("？？").grams().isEmpty());
        assertTrue(SearchGrams.query("？？").segments().isEmpty());
    }

    private static List<String> sorted(List<String> l) {
        return l.stream().sorted().toList();
    }
}
