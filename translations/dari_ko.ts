<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name></name>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the &amp;Bundled Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Swap Panes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tacked Layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;English Pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Korean Pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ynchronised Scrolling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next Sentence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous Sentence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Dari</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Translate Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel Translation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translation &amp;Models…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Correct Sentence…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dari translates on this computer with Argos Translate models. Install an English→Korean model to translate English texts, and a Korean→English one for Korean texts. Nothing is sent over the network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About translation models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models are kept in {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Languages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size on disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installed translation models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One row per installed model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No translation models are installed yet. Install one from a file, or download one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the current job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Install from File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install a model from an .argosmodel file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Download…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download an English–Korean model over the internet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close this window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pane</source>
        <comment>Machine translation — may contain errors</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pane</source>
        <comment>Original text</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pane</source>
        <comment>Translation corrected by you</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pane</source>
        <comment>Reviewed translation</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Larger Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Smaller Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Default Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Larger Text in &amp;Both Panes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smaller Text in B&amp;oth Panes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Focus Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Session Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reveal Translation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(in the pane you are reading)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Themes</source>
        <comment>Light</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Themes</source>
        <comment>Dark</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Themes</source>
        <comment>Sepia</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Themes</source>
        <comment>High contrast</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Dari Keyboard Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every command is in a menu: press Alt (or F10) to reach the menu bar, then the underlined letter. Tab moves between the panes and the panels.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Your settings file was damaged and has been set aside.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dari started with default settings. The old file is at {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Navigate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Speech</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Glossary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Translate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text files ({patterns});;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Dari</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Dari · 다리&lt;/b&gt; — English and Korean side by side.&lt;/p&gt;&lt;p&gt;Dari works entirely on this computer: it makes no network request unless you ask it to download a translation model.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss message (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelManagerDialog</name>
    <message>
        <source>Translation Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Korean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{source} → {target}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The models folder {folder} could not be read: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installing “{name}”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The installation was cancelled; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” could not be installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Getting the list of models…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The download was cancelled; nothing was installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list of models could not be downloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install a Translation Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Argos Translate models (*.argosmodel);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{pair}, version {version}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download a Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the model to download and install:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait until the current job has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installed {name} ({pair}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed {name} ({pair}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list of models has no English–Korean models.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every English–Korean model in the list is already installed. To install another version, remove the installed one first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installing {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} could not be downloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder among the installed models cannot be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} folders among the installed models cannot be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dari ignores them. Other Argos Translate tools may stop working until they are removed from {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove {name} ({pair})? It frees {size}. To translate {pair} again, you will have to install a model for it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} could not be removed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pane</name>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Korean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Korean · 한국어</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{language} text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translate with an offline model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This document has no {language} text yet.
Dari can translate it from {source} on this computer, without sending anything over the network.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preference pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Speech</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Glossary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore &amp;Defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sets every preference in this dialog back to Dari&apos;s default.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;English text size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English &amp;font:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Korean text size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Korean f&amp;ont:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Korean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> pt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{language} text size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size of the {language} reading text, in points.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{language} font</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Font for the {language} reading text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Line spacing:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line spacing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Height of each line, as a percentage of the font&apos;s normal height.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paragraph spacing:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paragraph spacing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space after each paragraph, as a percentage of the font size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Maximum line width:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum line width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest line, in characters. No limit lets lines fill the pane.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colours of the whole window, applied at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes effect the next time Dari starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Interface language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Use the default font</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the default fo&amp;nt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the default {language} font</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dari&apos;s default font for this language is {family}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speech is not available: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no voices were found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bilingual (both languages)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read &amp;aloud:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language read aloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which text Dari reads aloud.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;English voice:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Korean voice:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Korean voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speaking ra&amp;te:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speaking rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} words per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Volume:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sound device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Output:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where speech is played.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mark glossary terms in the text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark glossary terms in the text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Underlines words that are in your glossary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{voice} (not available)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReadingController</name>
    <message>
        <source>Text Si&amp;ze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session mode: press Ctrl+R to reveal the translation of the current sentence, F9 to leave.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translation revealed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SentenceEditor</name>
    <message>
        <source>Correct this sentence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter saves your correction · Shift+Enter new line · Esc cancels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct Sentence</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SentenceView</name>
    <message>
        <source>Machine translation by {model} — may contain errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an offline model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrected by you</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TranslationMixin</name>
    <message>
        <source>Translation progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%v of %m sentences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel translation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translation failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This document is already fully translated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translation stopped: {done} sentences kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No {pair} translation model is installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dari translates on this computer with Argos Translate models. Install one from a .argosmodel file, or download it, in Translation Models.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translation Models…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original text cannot be edited; correct its translation instead.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
