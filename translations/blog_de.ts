<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>blog::ApiClient</name>
    <message>
        <source>The server answered with status %1.</source>
        <translation>Der Server antwortete mit Status %1.</translation>
    </message>
    <message>
        <source>Someone changed this article since you opened it.</source>
        <translation>Jemand hat diesen Artikel geändert, seit Sie ihn geöffnet haben.</translation>
    </message>
</context>
<context>
    <name>blog::ArticleEditorDialog</name>
    <message>
        <source>Publish</source>
        <translation>Veröffentlichen</translation>
    </message>
    <message>
        <source>Edit article</source>
        <translation>Artikel bearbeiten</translation>
    </message>
    <message>
        <source>New article</source>
        <translation>Neuer Artikel</translation>
    </message>
    <message>
        <source>qt, c++, databases</source>
        <translation>qt, c++, datenbanken</translation>
    </message>
    <message>
        <source>Write in Markdown: **bold**, *italic*, # headings, - lists</source>
        <translation>In Markdown schreiben: **fett**, *kursiv*, # Überschriften, - Listen</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Titel:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Beschreibung:</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Schlagwörter:</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>This is the article as it is now; your changes were dropped.</source>
        <translation>Das ist der Artikel in seiner jetzigen Fassung; Ihre Änderungen wurden verworfen.</translation>
    </message>
    <message>
        <source>Publish changes</source>
        <translation>Änderungen veröffentlichen</translation>
    </message>
    <message>
        <source>Draft saved at %1</source>
        <translation>Entwurf um %1 gespeichert</translation>
    </message>
    <message>
        <source>The draft could not be saved on this computer.</source>
        <translation>Der Entwurf konnte auf diesem Computer nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>Your text is kept as a new draft; the article stays as it is. Publish it when you are ready.</source>
        <translation>Ihr Text bleibt als neuer Entwurf erhalten; der Artikel bleibt, wie er ist. Veröffentlichen Sie ihn, wenn Sie so weit sind.</translation>
    </message>
    <message>
        <source>Words: %1</source>
        <translation>Wörter: %1</translation>
    </message>
    <message>
        <source>Spell checking</source>
        <translation>Rechtschreibprüfung</translation>
    </message>
    <message>
        <source>Spell checking language</source>
        <translation>Sprache der Rechtschreibprüfung</translation>
    </message>
    <message>
        <source>No spell checking</source>
        <translation>Keine Rechtschreibprüfung</translation>
    </message>
    <message>
        <source>No suggestions</source>
        <translation>Keine Vorschläge</translation>
    </message>
    <message>
        <source>Ignore “%1”</source>
        <translation>„%1“ ignorieren</translation>
    </message>
    <message>
        <source>Article text</source>
        <translation>Artikeltext</translation>
    </message>
    <message>
        <source>Show the rendered article beside the text (Ctrl+Shift+P)</source>
        <translation>Den gerenderten Artikel neben dem Text zeigen (Strg+Umschalt+P)</translation>
    </message>
    <message>
        <source>Show preview</source>
        <translation>Vorschau zeigen</translation>
    </message>
</context>
<context>
    <name>blog::ArticleExporter</name>
    <message>
        <source>Could not write the drafts into %1.</source>
        <translation>Die Entwürfe konnten nicht nach %1 geschrieben werden.</translation>
    </message>
    <message>
        <source>The server cannot be reached: only the drafts were exported.</source>
        <translation>Der Server ist nicht erreichbar: Nur die Entwürfe wurden exportiert.</translation>
    </message>
    <message>
        <source>Could not write into %1.</source>
        <translation>In %1 konnte nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>blog::ArticleListModel</name>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Kommentare</translation>
    </message>
</context>
<context>
    <name>blog::ArticleView</name>
    <message>
        <source>Select an article to read it.</source>
        <translation>Wählen Sie einen Artikel aus, um ihn zu lesen.</translation>
    </message>
    <message>
        <source>Post comment</source>
        <translation>Kommentar senden</translation>
    </message>
    <message>
        <source>Delete comment</source>
        <translation>Kommentar löschen</translation>
    </message>
    <message>
        <source>Please confirm</source>
        <translation>Bitte bestätigen</translation>
    </message>
    <message>
        <source>Write a comment… (Ctrl+Enter posts it)</source>
        <translation>Kommentar schreiben… (Strg+Eingabe sendet)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Comments&lt;/b&gt;</source>
        <translation>&lt;b&gt;Kommentare&lt;/b&gt;</translation>
    </message>
    <message>
        <source>by %1 · %2</source>
        <translation>von %1 · %2</translation>
    </message>
    <message>
        <source>by %1 · %2 · tags: %3</source>
        <translation>von %1 · %2 · Schlagwörter: %3</translation>
    </message>
    <message>
        <source>A comment can have at most %1 characters.</source>
        <translation>Ein Kommentar darf höchstens %1 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>Delete this comment? This cannot be undone.</source>
        <translation>Diesen Kommentar löschen? Das kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>The comment could not be sent nor kept; it is still in the box.</source>
        <translation>Der Kommentar konnte weder gesendet noch aufbewahrt werden; er steht noch im Eingabefeld.</translation>
    </message>
    <message>
        <source>Kept on this computer until the server is back: %1</source>
        <translation>Auf diesem Computer aufbewahrt, bis der Server wieder erreichbar ist: %1</translation>
    </message>
    <message>
        <source>Favourite</source>
        <translation>Favorit</translation>
    </message>
    <message>
        <source>Add this article to your favourites, or take it out</source>
        <translation>Diesen Artikel zu Ihren Favoriten hinzufügen oder daraus entfernen</translation>
    </message>
    <message>
        <source>Follow the author</source>
        <translation>Dem Autor folgen</translation>
    </message>
    <message>
        <source>Follow this author: their articles show under “Authors I follow”</source>
        <translation>Diesem Autor folgen: seine Artikel erscheinen unter „Autoren, denen ich folge“</translation>
    </message>
    <message>
        <source>★ Favourite (%1)</source>
        <translation>★ Favorit (%1)</translation>
    </message>
    <message>
        <source>☆ Favourite (%1)</source>
        <translation>☆ Favorit (%1)</translation>
    </message>
    <message>
        <source>Unfollow %1</source>
        <translation>%1 nicht mehr folgen</translation>
    </message>
    <message>
        <source>Follow %1</source>
        <translation>%1 folgen</translation>
    </message>
    <message>
        <source>The author&apos;s articles</source>
        <translation>Die Artikel des Autors</translation>
    </message>
    <message>
        <source>List this author&apos;s articles</source>
        <translation>Die Artikel dieses Autors auflisten</translation>
    </message>
    <message>
        <source>Articles by %1</source>
        <translation>Artikel von %1</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Kommentare</translation>
    </message>
    <message>
        <source>New comment</source>
        <translation>Neuer Kommentar</translation>
    </message>
</context>
<context>
    <name>blog::CommentListModel</name>
    <message>
        <source>%1 · %2
%3</source>
        <translation>%1 · %2
%3</translation>
    </message>
</context>
<context>
    <name>blog::ConflictQuestion</name>
    <message>
        <source>The article has changed</source>
        <translation>Der Artikel wurde geändert</translation>
    </message>
    <message>
        <source>“%1” was changed elsewhere since you opened it.</source>
        <translation>„%1“ wurde anderswo geändert, seit Sie ihn geöffnet haben.</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Meine Fassung behalten</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>Die andere Fassung übernehmen</translation>
    </message>
    <message>
        <source>Keep mine as a new draft</source>
        <translation>Meine Fassung als neuen Entwurf behalten</translation>
    </message>
    <message>
        <source>%1: theirs “%2”, yours “%3”</source>
        <translation>%1: andere Fassung „%2“, Ihre „%3“</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message numerus="yes">
        <source>Text: %n line(s) only in theirs</source>
        <translation>
            <numerusform>Text: %n Zeile nur in der anderen Fassung</numerusform>
            <numerusform>Text: %n Zeilen nur in der anderen Fassung</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) only in yours</source>
        <translation>
            <numerusform>%n Zeile nur in Ihrer</numerusform>
            <numerusform>%n Zeilen nur in Ihrer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>blog::DesktopNotifier</name>
    <message numerus="yes">
        <source>%n new comment(s) on your articles</source>
        <translation>
            <numerusform>%n neuer Kommentar zu Ihren Artikeln</numerusform>
            <numerusform>%n neue Kommentare zu Ihren Artikeln</numerusform>
        </translation>
    </message>
    <message>
        <source>New comment on “%1”</source>
        <translation>Neuer Kommentar zu „%1“</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>blog::DraftListDialog</name>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>&amp;Veröffentlichen</translation>
    </message>
    <message>
        <source>Please confirm</source>
        <translation>Bitte bestätigen</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Entwürfe</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>Waiting for the server</source>
        <translation>Wartet auf den Server</translation>
    </message>
    <message>
        <source>Not published: %1</source>
        <translation>Nicht veröffentlicht: %1</translation>
    </message>
    <message>
        <source>Writing</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(ohne Titel)</translation>
    </message>
    <message>
        <source>Changes to “%1”</source>
        <translation>Änderungen an „%1“</translation>
    </message>
    <message>
        <source>New article</source>
        <translation>Neuer Artikel</translation>
    </message>
    <message>
        <source>Delete the draft “%1”? This cannot be undone.</source>
        <translation>Den Entwurf „%1“ löschen? Das kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Publishing “%1”…</source>
        <translation>„%1“ wird veröffentlicht …</translation>
    </message>
    <message>
        <source>The article was changed elsewhere since this draft began. Open the draft to choose what to keep.</source>
        <translation>Der Artikel wurde anderswo geändert, seit dieser Entwurf begonnen wurde. Öffnen Sie den Entwurf, um zu wählen, was bleiben soll.</translation>
    </message>
    <message>
        <source>The server cannot be reached: the draft will be published when it is back.</source>
        <translation>Der Server ist nicht erreichbar: Der Entwurf wird veröffentlicht, sobald er wieder da ist.</translation>
    </message>
    <message>
        <source>Published “%1”.</source>
        <translation>„%1“ veröffentlicht.</translation>
    </message>
    <message>
        <source>The article stays as it was changed elsewhere; the draft was dropped.</source>
        <translation>Der Artikel bleibt, wie er anderswo geändert wurde; der Entwurf wurde verworfen.</translation>
    </message>
    <message>
        <source>Your text is kept as a new draft; the article stays as it is.</source>
        <translation>Ihr Text bleibt als neuer Entwurf erhalten; der Artikel bleibt, wie er ist.</translation>
    </message>
    <message>
        <source>Comments not on the server yet</source>
        <translation>Kommentare, die noch nicht auf dem Server sind</translation>
    </message>
    <message>
        <source>Open the &amp;article</source>
        <translation>&amp;Artikel öffnen</translation>
    </message>
    <message>
        <source>&amp;Copy the text</source>
        <translation>Text &amp;kopieren</translation>
    </message>
    <message>
        <source>De&amp;lete the comment</source>
        <translation>Kommentar lösch&amp;en</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>In its comment box</source>
        <translation>Im Kommentarfeld</translation>
    </message>
    <message>
        <source>The comment&apos;s text is on the clipboard.</source>
        <translation>Der Text des Kommentars ist in der Zwischenablage.</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message>
        <source>Not sent yet: %1</source>
        <translation>Noch nicht gesendet: %1</translation>
    </message>
    <message>
        <source>Delete this comment on “%1”, “%2”? It is not on the server; its text cannot be brought back.</source>
        <translation>Diesen Kommentar zu „%1“, „%2“, löschen? Er ist nicht auf dem Server; sein Text lässt sich nicht zurückholen.</translation>
    </message>
    <message>
        <source>The comment could not be deleted from the drafts file.</source>
        <translation>Der Kommentar konnte nicht aus der Entwurfsdatei gelöscht werden.</translation>
    </message>
</context>
<context>
    <name>blog::DraftPublisher</name>
    <message>
        <source>This draft no longer exists.</source>
        <translation>Diesen Entwurf gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>The article was changed elsewhere since this draft began.</source>
        <translation>Der Artikel wurde anderswo geändert, seit dieser Entwurf begonnen wurde.</translation>
    </message>
    <message>
        <source>This draft is being published already.</source>
        <translation>Dieser Entwurf wird bereits veröffentlicht.</translation>
    </message>
</context>
<context>
    <name>blog::DraftStore</name>
    <message>
        <source>Cannot create the folder for drafts: %1</source>
        <translation>Der Ordner für Entwürfe kann nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>The drafts file cannot be read: %1</source>
        <translation>Die Entwurfsdatei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The drafts file was written by a newer version of the app: %1</source>
        <translation>Die Entwurfsdatei wurde von einer neueren Version der App geschrieben: %1</translation>
    </message>
    <message>
        <source>The drafts file cannot be brought up to date: %1</source>
        <translation>Die Entwurfsdatei kann nicht aktualisiert werden: %1</translation>
    </message>
</context>
<context>
    <name>blog::FilterBar</name>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Zeigen:</translation>
    </message>
    <message>
        <source>Articles to show</source>
        <translation>Angezeigte Artikel</translation>
    </message>
    <message>
        <source>Which articles the list shows</source>
        <translation>Welche Artikel die Liste zeigt</translation>
    </message>
    <message>
        <source>All articles</source>
        <translation>Alle Artikel</translation>
    </message>
    <message>
        <source>My articles</source>
        <translation>Meine Artikel</translation>
    </message>
    <message>
        <source>With a tag</source>
        <translation>Mit einem Schlagwort</translation>
    </message>
    <message>
        <source>By an author</source>
        <translation>Von einem Autor</translation>
    </message>
    <message>
        <source>My favourites</source>
        <translation>Meine Favoriten</translation>
    </message>
    <message>
        <source>Authors I follow</source>
        <translation>Autoren, denen ich folge</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Schlagwort</translation>
    </message>
    <message>
        <source>Show the articles with this tag (Enter applies it)</source>
        <translation>Die Artikel mit diesem Schlagwort zeigen (Eingabe wendet es an)</translation>
    </message>
    <message>
        <source>Tag…</source>
        <translation>Schlagwort…</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Show this author&apos;s articles (the authors the list has shown)</source>
        <translation>Die Artikel dieses Autors zeigen (unter den Autoren, die die Liste gezeigt hat)</translation>
    </message>
    <message>
        <source>Search articles</source>
        <translation>Artikel durchsuchen</translation>
    </message>
    <message>
        <source>Words to find in titles, descriptions, texts and tags; &quot;quotes&quot; for a phrase</source>
        <translation>Wörter, die in Titeln, Beschreibungen, Texten und Schlagwörtern gesucht werden; „Anführungszeichen“ für eine Wortgruppe</translation>
    </message>
    <message>
        <source>Search…</source>
        <translation>Suchen…</translation>
    </message>
</context>
<context>
    <name>blog::LineDiff</name>
    <message>
        <source>mine:   %1</source>
        <translation>Ihre:   %1</translation>
    </message>
    <message>
        <source>theirs: %1</source>
        <translation>andere: %1</translation>
    </message>
</context>
<context>
    <name>blog::MainWindow</name>
    <message>
        <source>Please confirm</source>
        <translation>Bitte bestätigen</translation>
    </message>
    <message>
        <source>Blog — %1</source>
        <translation>Blog — %1</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;New article…</source>
        <translation>&amp;Neuer Artikel…</translation>
    </message>
    <message>
        <source>&amp;Edit article…</source>
        <translation>Artikel &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Delete article</source>
        <translation>Artikel &amp;löschen</translation>
    </message>
    <message>
        <source>&amp;Profile…</source>
        <translation>&amp;Profil…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Blog</source>
        <translation>&amp;Blog</translation>
    </message>
    <message>
        <source>&amp;Article</source>
        <translation>A&amp;rtikel</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptleiste</translation>
    </message>
    <message>
        <source>The server cannot be reached: %1</source>
        <translation>Der Server ist nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>Delete “%1” and all its comments? This cannot be undone.</source>
        <translation>„%1“ mit allen Kommentaren löschen? Das kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Deleted “%1”.</source>
        <translation>„%1“ gelöscht.</translation>
    </message>
    <message>
        <source>Profile saved.</source>
        <translation>Profil gespeichert.</translation>
    </message>
    <message>
        <source>Articles: %1</source>
        <translation>Artikel: %1</translation>
    </message>
    <message>
        <source>Your sign-in could not be kept in the system keychain, so you will have to sign in again the next time you start the app.</source>
        <translation>Ihre Anmeldung konnte nicht im Schlüsselbund des Systems gespeichert werden. Beim nächsten Start der App müssen Sie sich daher erneut anmelden.</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>The server cannot be reached. You are looking at the last listing we saved. You can go on writing: drafts and comments are kept here and sent when the connection is back. Reconnecting…</source>
        <translation>Der Server ist nicht erreichbar. Sie sehen die zuletzt gespeicherte Liste. Sie können weiterschreiben: Entwürfe und Kommentare werden hier aufbewahrt und gesendet, sobald die Verbindung wieder steht. Verbindung wird wiederhergestellt …</translation>
    </message>
    <message>
        <source>The server cannot be reached: “%1” will be published when it is back.</source>
        <translation>Der Server ist nicht erreichbar: „%1“ wird veröffentlicht, sobald er wieder da ist.</translation>
    </message>
    <message>
        <source>Drafts cannot be kept on this computer: %1</source>
        <translation>Entwürfe können auf diesem Computer nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>D&amp;rafts…</source>
        <translation>E&amp;ntwürfe …</translation>
    </message>
    <message>
        <source>Published “%1”.</source>
        <translation>„%1“ veröffentlicht.</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(ohne Titel)</translation>
    </message>
    <message>
        <source>Blog did not close normally while you were writing “%1”. Open it again where you left off?</source>
        <translation>Blog wurde nicht normal beendet, während Sie „%1“ geschrieben haben. Dort weitermachen, wo Sie aufgehört haben?</translation>
    </message>
    <message>
        <source>Added to your favourites.</source>
        <translation>Zu Ihren Favoriten hinzugefügt.</translation>
    </message>
    <message>
        <source>Taken out of your favourites.</source>
        <translation>Aus Ihren Favoriten entfernt.</translation>
    </message>
    <message>
        <source>You follow %1 now.</source>
        <translation>Sie folgen jetzt %1.</translation>
    </message>
    <message>
        <source>You no longer follow %1.</source>
        <translation>Sie folgen %1 nicht mehr.</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>&amp;Export as Markdown…</source>
        <translation>Als Markdown &amp;exportieren…</translation>
    </message>
    <message>
        <source>Write my articles and drafts into a folder as Markdown files</source>
        <translation>Meine Artikel und Entwürfe als Markdown-Dateien in einen Ordner schreiben</translation>
    </message>
    <message>
        <source>Export into folder</source>
        <translation>In Ordner exportieren</translation>
    </message>
    <message numerus="yes">
        <source>Exporting… %n file(s) written</source>
        <translation>
            <numerusform>Export läuft … %n Datei geschrieben</numerusform>
            <numerusform>Export läuft … %n Dateien geschrieben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n article(s)</source>
        <translation>
            <numerusform>%n Artikel exportiert</numerusform>
            <numerusform>%n Artikel exportiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n draft(s).</source>
        <translation>
            <numerusform>%n Entwurf.</numerusform>
            <numerusform>%n Entwürfe.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>blog::ProfileDialog</name>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Your profile</source>
        <translation>Ihr Profil</translation>
    </message>
    <message>
        <source>@handle</source>
        <translation>@name</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>Vollständiger Name:</translation>
    </message>
    <message>
        <source>Bio:</source>
        <translation>Über mich:</translation>
    </message>
    <message>
        <source>Twitter:</source>
        <translation>Twitter:</translation>
    </message>
    <message>
        <source>Facebook:</source>
        <translation>Facebook:</translation>
    </message>
    <message>
        <source>LinkedIn:</source>
        <translation>LinkedIn:</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>Neues Passwort:</translation>
    </message>
    <message>
        <source>Repeat password:</source>
        <translation>Passwort wiederholen:</translation>
    </message>
    <message>
        <source>The passwords do not match.</source>
        <translation>Die Passwörter stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>blog::SignInDialog</name>
    <message>
        <source>Create a new account</source>
        <translation>Neues Konto anlegen</translation>
    </message>
    <message>
        <source>Sign in to your blog</source>
        <translation>Bei Ihrem Blog anmelden</translation>
    </message>
    <message>
        <source>you@example.com</source>
        <translation>sie@beispiel.de</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-Mail:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>Vollständiger Name:</translation>
    </message>
    <message>
        <source>About you:</source>
        <translation>Über Sie:</translation>
    </message>
    <message>
        <source>Sign in with your blog account, or create one.</source>
        <translation>Melden Sie sich mit Ihrem Blog-Konto an oder legen Sie eines an.</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Konto anlegen</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Cannot reach the server: %1</source>
        <translation>Server nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address, like http://127.0.0.1:3001</source>
        <translation>Geben Sie die Adresse des Servers ein, etwa http://127.0.0.1:3001</translation>
    </message>
</context>
</TS>
