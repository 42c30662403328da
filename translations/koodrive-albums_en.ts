<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>koodrive::catalog::Catalog</name>
    <message numerus="yes">
        <source>%n album change(s) waiting to be sent were read back from it.</source>
        <translation>
            <numerusform>%n album change waiting to be sent was read back from it.</numerusform>
            <numerusform>%n album changes waiting to be sent were read back from it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>koodrive::models::AlbumListModel</name>
    <message numerus="yes">
        <source>%1 — collection of %n folder(s)</source>
        <translation>
            <numerusform>%1 — collection of %n folder</numerusform>
            <numerusform>%1 — collection of %n folders</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>koodrive::transfers::UploadListModel</name>
    <message numerus="yes">
        <source>about %Ln second(s) left</source>
        <translation>
            <numerusform>about %Ln second left</numerusform>
            <numerusform>about %Ln seconds left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %Ln minute(s) left</source>
        <translation>
            <numerusform>about %Ln minute left</numerusform>
            <numerusform>about %Ln minutes left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>koodrive::ui::AlbumDelegate</name>
    <message numerus="yes">
        <source>Collection of %n folder(s)</source>
        <translation>
            <numerusform>Collection of %n folder</numerusform>
            <numerusform>Collection of %n folders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %Ln item(s)</source>
        <translation>
            <numerusform>%1 · %Ln item</numerusform>
            <numerusform>%1 · %Ln items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %Ln change(s) waiting</source>
        <translation>
            <numerusform>%1 · %Ln change waiting</numerusform>
            <numerusform>%1 · %Ln changes waiting</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>koodrive::ui::MainWindow</name>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln item</numerusform>
            <numerusform>%Ln items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s) so far</source>
        <translation>
            <numerusform>%Ln item so far</numerusform>
            <numerusform>%Ln items so far</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln selected, and the rest as it loads</source>
        <translation>
            <numerusform>%Ln selected, and the rest as it loads</numerusform>
            <numerusform>%Ln selected, and the rest as it loads</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln selected</source>
        <translation>
            <numerusform>%Ln selected</numerusform>
            <numerusform>%Ln selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln added</source>
        <translation>
            <numerusform>%Ln added</numerusform>
            <numerusform>%Ln added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln already in the album</source>
        <translation>
            <numerusform>%Ln already in the album</numerusform>
            <numerusform>%Ln already in the album</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln not added (stopped)</source>
        <translation>
            <numerusform>%Ln not added (stopped)</numerusform>
            <numerusform>%Ln not added (stopped)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed: %1</source>
        <translation>
            <numerusform>%Ln failed: %1</numerusform>
            <numerusform>%Ln failed: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Took %Ln item(s) out of the album; they stay in your drive.</source>
        <translation>
            <numerusform>Took %Ln item out of the album; they stay in your drive.</numerusform>
            <numerusform>Took %Ln items out of the album; they stay in your drive.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Uploading %Ln file(s) to “%1”.</source>
        <translation>
            <numerusform>Uploading %Ln file to “%1”.</numerusform>
            <numerusform>Uploading %Ln files to “%1”.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) that are not photos or videos were left out.</source>
        <translation>
            <numerusform>%Ln file that is not a photo or a video was left out.</numerusform>
            <numerusform>%Ln files that are not photos or videos were left out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s) could not be read: %1</source>
        <translation>
            <numerusform>%Ln item could not be read: %1</numerusform>
            <numerusform>%Ln items could not be read: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Uploading %Ln file(s) to the album “%1”, into the top of your drive.</source>
        <translation>
            <numerusform>Uploading %Ln file to the album “%1”, into the top of your drive.</numerusform>
            <numerusform>Uploading %Ln files to the album “%1”, into the top of your drive.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Uploading %Ln file(s) to the album “%1”, into “%2”.</source>
        <translation>
            <numerusform>Uploading %Ln file to the album “%1”, into “%2”.</numerusform>
            <numerusform>Uploading %Ln files to the album “%1”, into “%2”.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) not yet begun go there too.</source>
        <translation>
            <numerusform>%Ln file not yet begun goes there too.</numerusform>
            <numerusform>%Ln files not yet begun go there too.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %Ln item(s) given were not uploaded.</source>
        <translation>
            <numerusform>The %Ln item given was not uploaded.</numerusform>
            <numerusform>The %Ln items given were not uploaded.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln waiting to be sent</source>
        <translation>
            <numerusform>%Ln waiting to be sent</numerusform>
            <numerusform>%Ln waiting to be sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Add %Ln item(s) to “%1”</source>
        <translation>
            <numerusform>Add %Ln item to “%1”</numerusform>
            <numerusform>Add %Ln items to “%1”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Take %Ln item(s) out of “%1”</source>
        <translation>
            <numerusform>Take %Ln item out of “%1”</numerusform>
            <numerusform>Take %Ln items out of “%1”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln album change(s) waiting to be sent</source>
        <translation>
            <numerusform>%Ln album change waiting to be sent</numerusform>
            <numerusform>%Ln album changes waiting to be sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent %Ln album change(s) made while KooDrive could not be reached.</source>
        <translation>
            <numerusform>Sent %Ln album change made while KooDrive could not be reached.</numerusform>
            <numerusform>Sent %Ln album changes made while KooDrive could not be reached.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln album change(s) made while KooDrive could not be reached were refused.</source>
        <translation>
            <numerusform>%1 of %Ln album change made while KooDrive could not be reached was refused.</numerusform>
            <numerusform>%1 of %Ln album changes made while KooDrive could not be reached were refused.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln album change(s) made offline and not sent yet would be lost.</source>
        <translation>
            <numerusform>%Ln album change made offline and not sent yet would be lost.</numerusform>
            <numerusform>%Ln album changes made offline and not sent yet would be lost.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln earlier problem(s)</source>
        <translation>
            <numerusform>%Ln earlier problem</numerusform>
            <numerusform>%Ln earlier problems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>“%1”: took the %Ln item(s) added out again.</source>
        <translation>
            <numerusform>“%1”: took the %Ln item added out again.</numerusform>
            <numerusform>“%1”: took the %Ln items added out again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) could not be changed: %1</source>
        <translation>
            <numerusform>%Ln file could not be changed: %1</numerusform>
            <numerusform>%Ln files could not be changed: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %Ln file(s) to your favourites.</source>
        <translation>
            <numerusform>Added %Ln file to your favourites.</numerusform>
            <numerusform>Added %Ln files to your favourites.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %Ln file(s) from your favourites.</source>
        <translation>
            <numerusform>Removed %Ln file from your favourites.</numerusform>
            <numerusform>Removed %Ln files from your favourites.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln moved to the recycle bin, %1 could not be: %2</source>
        <translation>
            <numerusform>%Ln moved to the recycle bin, %1 could not be: %2</numerusform>
            <numerusform>%Ln moved to the recycle bin, %1 could not be: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %Ln item(s) to the recycle bin.</source>
        <translation>
            <numerusform>Moved %Ln item to the recycle bin.</numerusform>
            <numerusform>Moved %Ln items to the recycle bin.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln restored, %1 could not be: %2</source>
        <translation>
            <numerusform>%Ln restored, %1 could not be: %2</numerusform>
            <numerusform>%Ln restored, %1 could not be: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored %Ln item(s) to where they were.</source>
        <translation>
            <numerusform>Restored %Ln item to where they were.</numerusform>
            <numerusform>Restored %Ln items to where they were.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln item(s) for good?</source>
        <translation>
            <numerusform>Delete %Ln item for good?</numerusform>
            <numerusform>Delete %Ln items for good?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln deleted, %1 could not be: %2</source>
        <translation>
            <numerusform>%Ln deleted, %1 could not be: %2</numerusform>
            <numerusform>%Ln deleted, %1 could not be: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %Ln item(s) for good.</source>
        <translation>
            <numerusform>Deleted %Ln item for good.</numerusform>
            <numerusform>Deleted %Ln items for good.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>koodrive::ui::MessageBar</name>
    <message numerus="yes">
        <source>KooDrive cannot be reached: you may be offline. Trying again in %n second(s)…</source>
        <translation>
            <numerusform>KooDrive cannot be reached: you may be offline. Trying again in %n second…</numerusform>
            <numerusform>KooDrive cannot be reached: you may be offline. Trying again in %n seconds…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>koodrive::ui::TransfersPanel</name>
    <message numerus="yes">
        <source>%Ln file(s) uploaded</source>
        <translation>
            <numerusform>%Ln file uploaded</numerusform>
            <numerusform>%Ln files uploaded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <translation>
            <numerusform>%Ln failed</numerusform>
            <numerusform>%Ln failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln file(s) uploaded</source>
        <translation>
            <numerusform>%1 of %Ln file uploaded</numerusform>
            <numerusform>%1 of %Ln files uploaded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) saved</source>
        <translation>
            <numerusform>%Ln file saved</numerusform>
            <numerusform>%Ln files saved</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) transferred</source>
        <translation>
            <numerusform>%Ln file transferred</numerusform>
            <numerusform>%Ln files transferred</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln file(s) saved</source>
        <translation>
            <numerusform>%1 of %Ln file saved</numerusform>
            <numerusform>%1 of %Ln files saved</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln file(s) transferred</source>
        <translation>
            <numerusform>%1 of %Ln file transferred</numerusform>
            <numerusform>%1 of %Ln files transferred</numerusform>
        </translation>
    </message>
</context>
</TS>
