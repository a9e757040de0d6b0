// gallery_seed_test.cpp — the repo's gallery.json (the Sputnik "Islamic Revolution at 45" seed) loads
// cleanly and says what the seed says: captions, credits and paragraph structure per slide.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "core/gallery_json.h"

namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::size_t paragraph_count(const std::string& text) {
    std::size_t n = 1;
    for (std::size_t at = text.find("\n\n"); at != std::string::npos; at = text.find("\n\n", at + 2)) ++n;
    return n;
}

class SeedGallery : public ::testing::Test {
protected:
    void SetUp() override {
        text_ = read_file(WG_SOURCE_DIR "/gallery.json");
        ASSERT_FALSE(text_.empty()) << "cannot read " WG_SOURCE_DIR "/gallery.json";
        result_ = wg::parse_gallery(text_);
    }
    std::string text_;
    wg::ParseResult result_;
};

TEST_F(SeedGallery, LoadsWithoutAnyDiagnostic) {
    EXPECT_TRUE(result_.ok());
    for (const auto& d : result_.diagnostics) ADD_FAILURE() << d.format();
}

TEST_F(SeedGallery, HeaderMatchesTheSeed) {
    const wg::Gallery& g = result_.gallery;
    EXPECT_EQ(g.title, "Islamic Revolution at 45: How Khomeini Transformed Iran's Relations With Moscow");
    EXPECT_EQ(g.source, "Sputnik International");
    EXPECT_EQ(paragraph_count(g.description), 3u);
    EXPECT_EQ(g.description.rfind("Sunday marks the 45th anniversary", 0), 0u);
}

TEST_F(SeedGallery, SlidesCaptionsCreditsAndParagraphs) {
    const wg::Gallery& g = result_.gallery;
    ASSERT_EQ(g.slides.size(), 10u);
    const char* credits[10] = {
        "© AFP 2023 / STR",
        "© Photo : Tasnim/Masoud Shahrestani",
        "© Photo : Tasnim/Erfan Kouchari",
        "© AFP 2023 / STR",
        "© Photo : Tasnim/Masoud Shahrestani",
        "© Photo : ISNA/Alireza Masoumi",
        "© Photo : ISNA/Alireza Masoumi",
        "© AFP 2023 / STR",
        "© AFP 2023 / STR",
        "© Photo : Tasnim/Erfan Kouchari",
    };
    // Counted in the seed's paragraphed copy of each slide (the brief's "slide 4 has 4" is 3 in the seed).
    const std::size_t paragraphs[10] = {1, 2, 1, 3, 2, 1, 2, 3, 2, 1};
    for (std::size_t i = 0; i < g.slides.size(); ++i) {
        const wg::Slide& s = g.slides[i];
        SCOPED_TRACE("slide " + std::to_string(i + 1));
        EXPECT_EQ(s.caption.rfind("Pictured: ", 0), 0u);
        EXPECT_EQ(s.alt, s.caption.substr(10)) << "alt is the caption without \"Pictured: \"";
        EXPECT_EQ(s.credit, credits[i]);
        EXPECT_EQ(paragraph_count(s.text), paragraphs[i]);
        EXPECT_EQ(s.text.find("\n\n\n"), std::string::npos);
        EXPECT_EQ(s.text.find("Sputnik International"), std::string::npos) << "the glued copy leaked in";
        EXPECT_EQ(s.image, "web/demo/photos/" + std::string(i < 9 ? "0" : "") + std::to_string(i + 1) + ".jpg");
        EXPECT_EQ(s.width, 1596);
        EXPECT_EQ(s.height, 1064);
    }
    EXPECT_EQ(g.slides[3].text.rfind("In January 1989, five months before his death", 0), 0u);
    // Curly quotes are kept exactly as in the seed.
    EXPECT_NE(g.slides[4].text.find("his \xE2\x80\x9CNew Thinking\xE2\x80\x9D proposals"), std::string::npos);
}

}  // namespace
