<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>blog::ApiClient</name>
    <message>
        <source>The server answered with status %1.</source>
        <translation>Le serveur a répondu avec le statut %1.</translation>
    </message>
    <message>
        <source>Someone changed this article since you opened it.</source>
        <translation>Quelqu’un a modifié cet article depuis que vous l’avez ouvert.</translation>
    </message>
</context>
<context>
    <name>blog::ArticleEditorDialog</name>
    <message>
        <source>Publish</source>
        <translation>Publier</translation>
    </message>
    <message>
        <source>Edit article</source>
        <translation>Modifier l’article</translation>
    </message>
    <message>
        <source>New article</source>
        <translation>Nouvel article</translation>
    </message>
    <message>
        <source>qt, c++, databases</source>
        <translation>qt, c++, bases de données</translation>
    </message>
    <message>
        <source>Write in Markdown: **bold**, *italic*, # headings, - lists</source>
        <translation>Écrivez en Markdown : **gras**, *italique*, # titres, - listes</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Titre :</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Description :</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Mots-clés :</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>This is the article as it is now; your changes were dropped.</source>
        <translation>Voici l’article tel qu’il est maintenant ; vos modifications ont été abandonnées.</translation>
    </message>
    <message>
        <source>Publish changes</source>
        <translation>Publier les modifications</translation>
    </message>
    <message>
        <source>Draft saved at %1</source>
        <translation>Brouillon enregistré à %1</translation>
    </message>
    <message>
        <source>The draft could not be saved on this computer.</source>
        <translation>Le brouillon n’a pas pu être enregistré sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Your text is kept as a new draft; the article stays as it is. Publish it when you are ready.</source>
        <translation>Votre texte est gardé comme nouveau brouillon ; l’article reste tel quel. Publiez-le quand vous serez prêt.</translation>
    </message>
    <message>
        <source>Words: %1</source>
        <translation>Mots : %1</translation>
    </message>
    <message>
        <source>Spell checking</source>
        <translation>Correction orthographique</translation>
    </message>
    <message>
        <source>Spell checking language</source>
        <translation>Langue de la correction orthographique</translation>
    </message>
    <message>
        <source>No spell checking</source>
        <translation>Pas de correction orthographique</translation>
    </message>
    <message>
        <source>No suggestions</source>
        <translation>Aucune suggestion</translation>
    </message>
    <message>
        <source>Ignore “%1”</source>
        <translation>Ignorer « %1 »</translation>
    </message>
    <message>
        <source>Article text</source>
        <translation>Texte de l’article</translation>
    </message>
    <message>
        <source>Show the rendered article beside the text (Ctrl+Shift+P)</source>
        <translation>Afficher l’article mis en forme à côté du texte (Ctrl+Maj+P)</translation>
    </message>
    <message>
        <source>Show preview</source>
        <translation>Afficher l’aperçu</translation>
    </message>
</context>
<context>
    <name>blog::ArticleExporter</name>
    <message>
        <source>Could not write the drafts into %1.</source>
        <translation>Impossible d’écrire les brouillons dans %1.</translation>
    </message>
    <message>
        <source>The server cannot be reached: only the drafts were exported.</source>
        <translation>Le serveur est injoignable : seuls les brouillons ont été exportés.</translation>
    </message>
    <message>
        <source>Could not write into %1.</source>
        <translation>Impossible d’écrire dans %1.</translation>
    </message>
</context>
<context>
    <name>blog::ArticleListModel</name>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Mots-clés</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Commentaires</translation>
    </message>
</context>
<context>
    <name>blog::ArticleView</name>
    <message>
        <source>Select an article to read it.</source>
        <translation>Sélectionnez un article pour le lire.</translation>
    </message>
    <message>
        <source>Post comment</source>
        <translation>Publier le commentaire</translation>
    </message>
    <message>
        <source>Delete comment</source>
        <translation>Supprimer le commentaire</translation>
    </message>
    <message>
        <source>Please confirm</source>
        <translation>Veuillez confirmer</translation>
    </message>
    <message>
        <source>Write a comment… (Ctrl+Enter posts it)</source>
        <translation>Écrire un commentaire… (Ctrl+Entrée pour publier)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Comments&lt;/b&gt;</source>
        <translation>&lt;b&gt;Commentaires&lt;/b&gt;</translation>
    </message>
    <message>
        <source>by %1 · %2</source>
        <translation>par %1 · %2</translation>
    </message>
    <message>
        <source>by %1 · %2 · tags: %3</source>
        <translation>par %1 · %2 · mots-clés : %3</translation>
    </message>
    <message>
        <source>A comment can have at most %1 characters.</source>
        <translation>Un commentaire ne peut dépasser %1 caractères.</translation>
    </message>
    <message>
        <source>Delete this comment? This cannot be undone.</source>
        <translation>Supprimer ce commentaire ? Cette action est irréversible.</translation>
    </message>
    <message>
        <source>The comment could not be sent nor kept; it is still in the box.</source>
        <translation>Le commentaire n’a pu être ni envoyé ni gardé ; il est toujours dans la zone de saisie.</translation>
    </message>
    <message>
        <source>Kept on this computer until the server is back: %1</source>
        <translation>Gardé sur cet ordinateur jusqu’au retour du serveur : %1</translation>
    </message>
    <message>
        <source>Favourite</source>
        <translation>Favori</translation>
    </message>
    <message>
        <source>Add this article to your favourites, or take it out</source>
        <translation>Ajouter cet article à vos favoris, ou l’en retirer</translation>
    </message>
    <message>
        <source>Follow the author</source>
        <translation>Suivre l’auteur</translation>
    </message>
    <message>
        <source>Follow this author: their articles show under “Authors I follow”</source>
        <translation>Suivre cet auteur : ses articles apparaissent sous « Auteurs que je suis »</translation>
    </message>
    <message>
        <source>★ Favourite (%1)</source>
        <translation>★ Favori (%1)</translation>
    </message>
    <message>
        <source>☆ Favourite (%1)</source>
        <translation>☆ Favori (%1)</translation>
    </message>
    <message>
        <source>Unfollow %1</source>
        <translation>Ne plus suivre %1</translation>
    </message>
    <message>
        <source>Follow %1</source>
        <translation>Suivre %1</translation>
    </message>
    <message>
        <source>The author&apos;s articles</source>
        <translation>Les articles de l’auteur</translation>
    </message>
    <message>
        <source>List this author&apos;s articles</source>
        <translation>Lister les articles de cet auteur</translation>
    </message>
    <message>
        <source>Articles by %1</source>
        <translation>Articles de %1</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Commentaires</translation>
    </message>
    <message>
        <source>New comment</source>
        <translation>Nouveau commentaire</translation>
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
        <translation>L’article a été modifié</translation>
    </message>
    <message>
        <source>“%1” was changed elsewhere since you opened it.</source>
        <translation>« %1 » a été modifié ailleurs depuis que vous l’avez ouvert.</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Garder ma version</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>Prendre l’autre version</translation>
    </message>
    <message>
        <source>Keep mine as a new draft</source>
        <translation>Garder ma version comme nouveau brouillon</translation>
    </message>
    <message>
        <source>%1: theirs “%2”, yours “%3”</source>
        <translation>%1 : l’autre version « %2 », la vôtre « %3 »</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Mots-clés</translation>
    </message>
    <message numerus="yes">
        <source>Text: %n line(s) only in theirs</source>
        <translation>
            <numerusform>Texte : %n ligne seulement dans l’autre version</numerusform>
            <numerusform>Texte : %n lignes seulement dans l’autre version</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) only in yours</source>
        <translation>
            <numerusform>%n ligne seulement dans la vôtre</numerusform>
            <numerusform>%n lignes seulement dans la vôtre</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>blog::DesktopNotifier</name>
    <message numerus="yes">
        <source>%n new comment(s) on your articles</source>
        <translation>
            <numerusform>%n nouveau commentaire sur vos articles</numerusform>
            <numerusform>%n nouveaux commentaires sur vos articles</numerusform>
        </translation>
    </message>
    <message>
        <source>New comment on “%1”</source>
        <translation>Nouveau commentaire sur « %1 »</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>blog::DraftListDialog</name>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>&amp;Publier</translation>
    </message>
    <message>
        <source>Please confirm</source>
        <translation>Veuillez confirmer</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Brouillons</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Nouveau</translation>
    </message>
    <message>
        <source>Waiting for the server</source>
        <translation>En attente du serveur</translation>
    </message>
    <message>
        <source>Not published: %1</source>
        <translation>Non publié : %1</translation>
    </message>
    <message>
        <source>Writing</source>
        <translation>En cours d’écriture</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(sans titre)</translation>
    </message>
    <message>
        <source>Changes to “%1”</source>
        <translation>Modifications de « %1 »</translation>
    </message>
    <message>
        <source>New article</source>
        <translation>Nouvel article</translation>
    </message>
    <message>
        <source>Delete the draft “%1”? This cannot be undone.</source>
        <translation>Supprimer le brouillon « %1 » ? Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Publishing “%1”…</source>
        <translation>Publication de « %1 »…</translation>
    </message>
    <message>
        <source>The article was changed elsewhere since this draft began. Open the draft to choose what to keep.</source>
        <translation>L’article a été modifié ailleurs depuis le début de ce brouillon. Ouvrez le brouillon pour choisir ce qu’il faut garder.</translation>
    </message>
    <message>
        <source>The server cannot be reached: the draft will be published when it is back.</source>
        <translation>Le serveur est injoignable : le brouillon sera publié dès qu’il sera de retour.</translation>
    </message>
    <message>
        <source>Published “%1”.</source>
        <translation>« %1 » publié.</translation>
    </message>
    <message>
        <source>The article stays as it was changed elsewhere; the draft was dropped.</source>
        <translation>L’article reste tel qu’il a été modifié ailleurs ; le brouillon a été abandonné.</translation>
    </message>
    <message>
        <source>Your text is kept as a new draft; the article stays as it is.</source>
        <translation>Votre texte est gardé comme nouveau brouillon ; l’article reste tel quel.</translation>
    </message>
    <message>
        <source>Comments not on the server yet</source>
        <translation>Commentaires pas encore sur le serveur</translation>
    </message>
    <message>
        <source>Open the &amp;article</source>
        <translation>Ouvrir l’&amp;article</translation>
    </message>
    <message>
        <source>&amp;Copy the text</source>
        <translation>&amp;Copier le texte</translation>
    </message>
    <message>
        <source>De&amp;lete the comment</source>
        <translation>Supprimer le co&amp;mmentaire</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>In its comment box</source>
        <translation>Dans sa zone de commentaire</translation>
    </message>
    <message>
        <source>The comment&apos;s text is on the clipboard.</source>
        <translation>Le texte du commentaire est dans le presse-papiers.</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Refusé : %1</translation>
    </message>
    <message>
        <source>Not sent yet: %1</source>
        <translation>Pas encore envoyé : %1</translation>
    </message>
    <message>
        <source>Delete this comment on “%1”, “%2”? It is not on the server; its text cannot be brought back.</source>
        <translation>Supprimer ce commentaire sur « %1 », « %2 » ? Il n’est pas sur le serveur ; son texte ne pourra pas être récupéré.</translation>
    </message>
    <message>
        <source>The comment could not be deleted from the drafts file.</source>
        <translation>Le commentaire n’a pas pu être supprimé du fichier des brouillons.</translation>
    </message>
</context>
<context>
    <name>blog::DraftPublisher</name>
    <message>
        <source>This draft no longer exists.</source>
        <translation>Ce brouillon n’existe plus.</translation>
    </message>
    <message>
        <source>The article was changed elsewhere since this draft began.</source>
        <translation>L’article a été modifié ailleurs depuis le début de ce brouillon.</translation>
    </message>
    <message>
        <source>This draft is being published already.</source>
        <translation>Ce brouillon est déjà en cours de publication.</translation>
    </message>
</context>
<context>
    <name>blog::DraftStore</name>
    <message>
        <source>Cannot create the folder for drafts: %1</source>
        <translation>Impossible de créer le dossier des brouillons : %1</translation>
    </message>
    <message>
        <source>The drafts file cannot be read: %1</source>
        <translation>Le fichier des brouillons est illisible : %1</translation>
    </message>
    <message>
        <source>The drafts file was written by a newer version of the app: %1</source>
        <translation>Le fichier des brouillons a été écrit par une version plus récente de l’application : %1</translation>
    </message>
    <message>
        <source>The drafts file cannot be brought up to date: %1</source>
        <translation>Le fichier des brouillons ne peut pas être mis à jour : %1</translation>
    </message>
</context>
<context>
    <name>blog::FilterBar</name>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Afficher :</translation>
    </message>
    <message>
        <source>Articles to show</source>
        <translation>Articles à afficher</translation>
    </message>
    <message>
        <source>Which articles the list shows</source>
        <translation>Les articles que la liste affiche</translation>
    </message>
    <message>
        <source>All articles</source>
        <translation>Tous les articles</translation>
    </message>
    <message>
        <source>My articles</source>
        <translation>Mes articles</translation>
    </message>
    <message>
        <source>With a tag</source>
        <translation>Avec un mot-clé</translation>
    </message>
    <message>
        <source>By an author</source>
        <translation>D’un auteur</translation>
    </message>
    <message>
        <source>My favourites</source>
        <translation>Mes favoris</translation>
    </message>
    <message>
        <source>Authors I follow</source>
        <translation>Auteurs que je suis</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Mot-clé</translation>
    </message>
    <message>
        <source>Show the articles with this tag (Enter applies it)</source>
        <translation>Afficher les articles avec ce mot-clé (Entrée l’applique)</translation>
    </message>
    <message>
        <source>Tag…</source>
        <translation>Mot-clé…</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Show this author&apos;s articles (the authors the list has shown)</source>
        <translation>Afficher les articles de cet auteur (parmi les auteurs que la liste a montrés)</translation>
    </message>
    <message>
        <source>Search articles</source>
        <translation>Rechercher des articles</translation>
    </message>
    <message>
        <source>Words to find in titles, descriptions, texts and tags; &quot;quotes&quot; for a phrase</source>
        <translation>Mots à trouver dans les titres, descriptions, textes et mots-clés ; « guillemets » pour une expression</translation>
    </message>
    <message>
        <source>Search…</source>
        <translation>Rechercher…</translation>
    </message>
</context>
<context>
    <name>blog::LineDiff</name>
    <message>
        <source>mine:   %1</source>
        <translation>vôtre : %1</translation>
    </message>
    <message>
        <source>theirs: %1</source>
        <translation>autre : %1</translation>
    </message>
</context>
<context>
    <name>blog::MainWindow</name>
    <message>
        <source>Please confirm</source>
        <translation>Veuillez confirmer</translation>
    </message>
    <message>
        <source>Blog — %1</source>
        <translation>Blog — %1</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>&amp;New article…</source>
        <translation>&amp;Nouvel article…</translation>
    </message>
    <message>
        <source>&amp;Edit article…</source>
        <translation>&amp;Modifier l’article…</translation>
    </message>
    <message>
        <source>&amp;Delete article</source>
        <translation>&amp;Supprimer l’article</translation>
    </message>
    <message>
        <source>&amp;Profile…</source>
        <translation>&amp;Profil…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Blog</source>
        <translation>&amp;Blog</translation>
    </message>
    <message>
        <source>&amp;Article</source>
        <translation>A&amp;rticle</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
    <message>
        <source>The server cannot be reached: %1</source>
        <translation>Le serveur est injoignable : %1</translation>
    </message>
    <message>
        <source>Delete “%1” and all its comments? This cannot be undone.</source>
        <translation>Supprimer « %1 » et tous ses commentaires ? Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Deleted “%1”.</source>
        <translation>« %1 » supprimé.</translation>
    </message>
    <message>
        <source>Profile saved.</source>
        <translation>Profil enregistré.</translation>
    </message>
    <message>
        <source>Articles: %1</source>
        <translation>Articles : %1</translation>
    </message>
    <message>
        <source>Your sign-in could not be kept in the system keychain, so you will have to sign in again the next time you start the app.</source>
        <translation>Votre connexion n’a pas pu être conservée dans le trousseau du système : vous devrez vous reconnecter au prochain démarrage de l’application.</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Masquer</translation>
    </message>
    <message>
        <source>The server cannot be reached. You are looking at the last listing we saved. You can go on writing: drafts and comments are kept here and sent when the connection is back. Reconnecting…</source>
        <translation>Le serveur est injoignable. Vous voyez la dernière liste enregistrée. Vous pouvez continuer à écrire : brouillons et commentaires sont gardés ici et envoyés dès le retour de la connexion. Reconnexion…</translation>
    </message>
    <message>
        <source>The server cannot be reached: “%1” will be published when it is back.</source>
        <translation>Le serveur est injoignable : « %1 » sera publié dès qu’il sera de retour.</translation>
    </message>
    <message>
        <source>Drafts cannot be kept on this computer: %1</source>
        <translation>Les brouillons ne peuvent pas être gardés sur cet ordinateur : %1</translation>
    </message>
    <message>
        <source>D&amp;rafts…</source>
        <translation>B&amp;rouillons…</translation>
    </message>
    <message>
        <source>Published “%1”.</source>
        <translation>« %1 » publié.</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(sans titre)</translation>
    </message>
    <message>
        <source>Blog did not close normally while you were writing “%1”. Open it again where you left off?</source>
        <translation>Blog ne s’est pas fermé normalement pendant que vous écriviez « %1 ». Le rouvrir là où vous en étiez ?</translation>
    </message>
    <message>
        <source>Added to your favourites.</source>
        <translation>Ajouté à vos favoris.</translation>
    </message>
    <message>
        <source>Taken out of your favourites.</source>
        <translation>Retiré de vos favoris.</translation>
    </message>
    <message>
        <source>You follow %1 now.</source>
        <translation>Vous suivez maintenant %1.</translation>
    </message>
    <message>
        <source>You no longer follow %1.</source>
        <translation>Vous ne suivez plus %1.</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Articles</translation>
    </message>
    <message>
        <source>&amp;Export as Markdown…</source>
        <translation>&amp;Exporter en Markdown…</translation>
    </message>
    <message>
        <source>Write my articles and drafts into a folder as Markdown files</source>
        <translation>Écrire mes articles et brouillons dans un dossier, en fichiers Markdown</translation>
    </message>
    <message>
        <source>Export into folder</source>
        <translation>Exporter dans le dossier</translation>
    </message>
    <message numerus="yes">
        <source>Exporting… %n file(s) written</source>
        <translation>
            <numerusform>Export en cours… %n fichier écrit</numerusform>
            <numerusform>Export en cours… %n fichiers écrits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n article(s)</source>
        <translation>
            <numerusform>%n article exporté</numerusform>
            <numerusform>%n articles exportés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n draft(s).</source>
        <translation>
            <numerusform>%n brouillon.</numerusform>
            <numerusform>%n brouillons.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>blog::ProfileDialog</name>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Your profile</source>
        <translation>Votre profil</translation>
    </message>
    <message>
        <source>@handle</source>
        <translation>@pseudo</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>inchangé</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>Nom complet :</translation>
    </message>
    <message>
        <source>Bio:</source>
        <translation>Biographie :</translation>
    </message>
    <message>
        <source>Twitter:</source>
        <translation>Twitter :</translation>
    </message>
    <message>
        <source>Facebook:</source>
        <translation>Facebook :</translation>
    </message>
    <message>
        <source>LinkedIn:</source>
        <translation>LinkedIn :</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>Nouveau mot de passe :</translation>
    </message>
    <message>
        <source>Repeat password:</source>
        <translation>Répéter le mot de passe :</translation>
    </message>
    <message>
        <source>The passwords do not match.</source>
        <translation>Les mots de passe ne correspondent pas.</translation>
    </message>
</context>
<context>
    <name>blog::SignInDialog</name>
    <message>
        <source>Create a new account</source>
        <translation>Créer un nouveau compte</translation>
    </message>
    <message>
        <source>Sign in to your blog</source>
        <translation>Connexion à votre blog</translation>
    </message>
    <message>
        <source>you@example.com</source>
        <translation>vous@exemple.fr</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Serveur :</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-mail :</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mot de passe :</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>Nom complet :</translation>
    </message>
    <message>
        <source>About you:</source>
        <translation>À propos de vous :</translation>
    </message>
    <message>
        <source>Sign in with your blog account, or create one.</source>
        <translation>Connectez-vous avec votre compte de blog, ou créez-en un.</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Créer le compte</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Cannot reach the server: %1</source>
        <translation>Serveur injoignable : %1</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address, like http://127.0.0.1:3001</source>
        <translation>Saisissez l’adresse du serveur, par exemple http://127.0.0.1:3001</translation>
    </message>
</context>
</TS>
