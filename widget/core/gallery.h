// gallery.h — the gallery model: what a gallery.json means once it has been validated.
// Plain data only; parsing and validation live in gallery_json.{h,cpp}.
#pragma once
#include <string>
#include <vector>

namespace wg {

enum class Transition { Slide, Fade };
enum class Fit { Contain, Cover };
enum class Theme { Light, Dark, Auto };
enum class Direction { Auto, Ltr, Rtl };  // Auto: the page's (the element's dir, or its lang)

// One size of a slide's photo ("srcset": [{"url": …, "width": 800}, …]).
struct ImageSource {
    std::string url;  // as written, like Slide::image
    int width = 0;    // its width in pixels
};

struct Slide {
    std::string image;    // URL as written (relative URLs resolve against the JSON's URL in JS)
    std::string alt;
    std::string caption;  // e.g. "Pictured: …"
    std::string credit;   // e.g. "© AFP 2023 / STR"
    std::string text;     // body; paragraphs separated by "\n\n"
    std::string link;     // optional per-slide link (http/https/relative), empty if none
    int width = 0;        // declared pixel size, 0 if unknown (then 3:2 is assumed)
    int height = 0;
    std::vector<ImageSource> srcset;  // other sizes of the same photo, as given (see image_choice.h)
};

struct Options {
    bool loop = false;
    int start_index = 0;
    int autoplay_ms = 0;  // 0 = off
    Transition transition = Transition::Slide;
    Fit fit = Fit::Contain;
    Theme theme = Theme::Auto;
    Direction direction = Direction::Auto;
    bool deep_link = false;
    std::string deep_link_id;  // from "deepLink": "<id>" (then deep_link is true); empty = default id
    long long max_pixels = 40'000'000;  // per-image pixel limit (see image/limits)
};

struct Gallery {
    std::string title;
    std::string description;
    std::string source;
    std::vector<Slide> slides;
    Options options;
};

}  // namespace wg
