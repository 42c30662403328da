#pragma once

#include <QString>

namespace koodrive::text {

// Text from the server (names, messages) may be written to mislead. Everything the app shows of it goes
// through here first: the characters that reorder or hide text (bidi overrides, embeddings, isolates,
// marks; controls such as newlines) are replaced with U+FFFD, so "\u202Egpj.exe" reads "\uFFFDgpj.exe"
// and not "exe.jpg"; text holding right-to-left letters is isolated (U+2068 … U+2069) so that it cannot
// reorder the sentence it is put in. Widgets still show the result as plain text, never as markup.
QString displayText(const QString &untrusted);

// At most `maxCharacters` of `text` for a label, cut at a word where one is near, with "…" when cut.
// The whole text stays where the person can copy it ("Copy details").
QString elided(const QString &text, int maxCharacters);

// A tooltip that shows `plain` as it is: Qt renders a tooltip as rich text whenever it looks like markup,
// so server text in one is escaped; lines are kept as they are (no wrapping inside "4.92 MiB").
QString toolTip(const QString &plain);

// A length of time as players show it: "0:06", "12:04", "1:02:03" (whole seconds, rounded down, as a
// position is; nothing before the minutes but hours).
QString durationText(qint64 ms);

// True for the characters displayText() replaces.
bool isHiddenControl(char32_t c);

} // namespace koodrive::text
