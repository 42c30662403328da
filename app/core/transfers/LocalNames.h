#pragma once

#include <QString>
#include <functional>

namespace koodrive::transfers {

// Names from the server become names of local files only through here (Save to…, drag out): a name is
// data someone else wrote, never a path. Pure functions, fuzzed (tests/fuzz/fuzz_local_names).
namespace LocalNames {

// The longest name most file systems take (NAME_MAX of ext4, btrfs, xfs: 255 bytes of UTF-8).
inline constexpr int MaxNameBytes = 255;

// `untrusted` as a single file name that stays inside the folder it is written to, on Linux and on the
// FAT/exFAT/NTFS cards and drives people save to:
// - separators (`/`, `\`), the characters those file systems refuse (`: * ? " < > |`), controls, and the
//   characters that reorder or hide text (text::isHiddenControl: "\u202Egpj.exe"), noncharacters and
//   U+FFFD become `_`;
// - surrounding spaces and trailing dots go ("a." and "a" are one name on Windows); a leading dot becomes
//   `_` (no hidden file appears); "", "." and ".." become `fallback`;
// - the names Windows reserves for devices (CON, PRN, AUX, NUL, COM1–9, LPT1–9, whatever the extension)
//   get a `_` after the stem;
// - at most MaxNameBytes of UTF-8: the stem is cut at a character boundary and the extension kept.
// The result is never empty, holds no separator, and is never "." or "..".
QString safeFileName(const QString &untrusted, const QString &fallback = QStringLiteral("file"));

// `name` (already safe), or "stem (1).ext", "stem (2).ext", … : the first that `taken` says is free, still
// within MaxNameBytes. Gives up after `maxTries` and returns an empty string.
QString firstFreeName(const QString &name, const std::function<bool(const QString &)> &taken,
                      int maxTries = 10000);

// True when `path` is `folder` itself or inside it, once both are made absolute and cleaned (".." and
// "." resolved, symbolic links followed where they exist).
bool isInside(const QString &folder, const QString &path);

} // namespace LocalNames

} // namespace koodrive::transfers
