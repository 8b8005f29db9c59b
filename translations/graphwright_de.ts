<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.ui" line="+6"/>
        <source>Graphwright</source>
        <translation>Graphwright</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+106"/>
        <source>&amp;Jobs</source>
        <translation>Auf&amp;träge</translation>
    </message>
    <message>
        <location line="-101"/>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;New Project…</source>
        <translation>&amp;Neues Projekt…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create an empty project file</source>
        <translation>Eine leere Projektdatei anlegen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Open Project…</source>
        <translation>Projekt ö&amp;ffnen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a project file</source>
        <translation>Eine Projektdatei öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save Project &amp;As…</source>
        <translation>Projekt speichern &amp;unter…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write a copy of the project to a new file and continue there</source>
        <translation>Eine Kopie des Projekts in eine neue Datei schreiben und dort weiterarbeiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Compact Project</source>
        <translation>Projekt &amp;komprimieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give the space that replaced and removed documents left in the project file back to the disk</source>
        <translation>Den Platz, den ersetzte und entfernte Dokumente in der Projektdatei hinterlassen haben, an die Festplatte zurückgeben</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clear E&amp;xtraction Cache…</source>
        <translation>E&amp;xtraktions-Cache leeren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forget the remote extractor&apos;s cached answers: the next ingest asks the model again</source>
        <translation>Die zwischengespeicherten Antworten des entfernten Extraktors vergessen: der nächste Import fragt das Modell erneut</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add &amp;Files…</source>
        <translation>&amp;Dateien hinzufügen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ingest documents into the project</source>
        <translation>Dokumente in das Projekt einlesen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add Fo&amp;lder…</source>
        <translation>&amp;Ordner hinzufügen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ingest every document in a folder and its subfolders</source>
        <translation>Alle Dokumente eines Ordners und seiner Unterordner einlesen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+D</source>
        <translation>Ctrl+Shift+D</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit Graphwright</source>
        <translation>Graphwright beenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Cancel All</source>
        <translation>&amp;Alle abbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop every queued and running document; finished ones are kept</source>
        <translation>Alle wartenden und laufenden Dokumente abbrechen; fertige bleiben erhalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+.</source>
        <translation>Ctrl+.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clear &amp;Finished</source>
        <translation>Fertige &amp;entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove finished documents from the list (the project keeps them)</source>
        <translation>Fertige Dokumente aus der Liste entfernen (das Projekt behält sie)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Preferences…</source>
        <translation>Graphwright &amp;einrichten…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parallelism, chunking, limits, remote extractor, circuit breakers</source>
        <translation>Parallelität, Aufteilung in Abschnitte, Grenzen, externer Extraktor, Schutzschalter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Import Table…</source>
        <translation>Tabelle &amp;importieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import a CSV edge list or entity table into the project</source>
        <translation>Eine CSV-Kantenliste oder Entitätstabelle in das Projekt importieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+I</source>
        <translation>Ctrl+Shift+I</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Export Graph…</source>
        <translation>Graph &amp;exportieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the knowledge graph as GraphML, GEXF, JSON, CSV tables or a Neo4j import folder</source>
        <translation>Den Wissensgraphen als GraphML, GEXF, JSON, CSV-Tabellen oder Neo4j-Importordner speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export &amp;Table as CSV…</source>
        <translation>Tabelle als &amp;CSV exportieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the rows the entity or relation table shows as CSV</source>
        <translation>Die in der Entitäten- oder Beziehungstabelle angezeigten Zeilen als CSV speichern</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show the documents being ingested</source>
        <translation>Die Dokumente anzeigen, die gerade eingelesen werden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Graph</source>
        <translation>&amp;Graph</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the knowledge graph, its tables and the details of an entity</source>
        <translation>Den Wissensgraphen, seine Tabellen und die Details einer Entität anzeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+2</source>
        <translation>Ctrl+2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter the entities and relations of the graph</source>
        <translation>Die Entitäten und Beziehungen des Graphen filtern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Refresh Graph</source>
        <translation>Graph &amp;aktualisieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the knowledge graph from the project again</source>
        <translation>Den Wissensgraphen erneut aus dem Projekt lesen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;About Graphwright</source>
        <translation>Über &amp;Graphwright</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version and credits</source>
        <translation>Version und Danksagungen</translation>
    </message>
</context>
<context>
    <name>gw::ApiKeyring</name>
    <message>
        <location filename="../src/pipeline/apikeyring.cpp" line="+30"/>
        <source>no system keyring is available: there is no D-Bus session bus, through which GNOME Keyring or KWallet would be reached (%1)</source>
        <translation>kein Systemschlüsselbund verfügbar: Es gibt keinen D-Bus-Sitzungsbus, über den GNOME Keyring oder KWallet erreicht würden (%1)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>no system keyring is available: no keyring service (GNOME Keyring, KWallet or another Secret Service) runs on the D-Bus session bus</source>
        <translation>kein Systemschlüsselbund verfügbar: Auf dem D-Bus-Sitzungsbus läuft kein Schlüsselbunddienst (GNOME Keyring, KWallet oder ein anderer Secret Service)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>the system keyring did not answer within %1 s</source>
        <translation>der Systemschlüsselbund hat nicht innerhalb von %1 s geantwortet</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the system keyring refused access (%1)</source>
        <translation>der Systemschlüsselbund hat den Zugriff verweigert (%1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no system keyring is available (%1)</source>
        <translation>kein Systemschlüsselbund verfügbar (%1)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the system keyring failed: %1</source>
        <translation>der Systemschlüsselbund ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>gw::BreakerModel</name>
    <message>
        <location filename="../src/gui/breakermodel.cpp" line="+161"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>in %1 s</source>
        <translation>in %1 s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>probing</source>
        <translation>Probe läuft</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 since %2</source>
        <translation>%1 seit %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Failures are counted again once the breaker is closed</source>
        <translation>Fehler werden wieder gezählt, sobald der Schutzschalter geschlossen ist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 failures within the window; the breaker opens at %2</source>
        <translation>%1 Fehler im Zeitfenster; der Schutzschalter öffnet bei %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The breaker lets one trial call through in %1 ms</source>
        <translation>Der Schutzschalter lässt in %1 ms einen Probeaufruf durch</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failures</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next probe</source>
        <translation>Nächste Probe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>half-open</source>
        <translation>halb offen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>open</source>
        <translation>offen</translation>
    </message>
</context>
<context>
    <name>gw::BreakerPanel</name>
    <message>
        <location filename="../src/gui/breakerpanel.cpp" line="+46"/>
        <source>ok</source>
        <translation>in Ordnung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>degraded</source>
        <translation>beeinträchtigt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation>gestört</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>&amp;Reset</source>
        <translation>&amp;Zurücksetzen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Trip</source>
        <translation>&amp;Auslösen</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Failures</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next probe</source>
        <translation>Nächste Probe</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Close the selected breaker and forget its recent failures: the service is back</source>
        <translation>Den ausgewählten Schutzschalter schließen und seine letzten Fehler vergessen: Der Dienst ist wieder da</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the selected breaker now: calls to its service are refused until the recovery timeout</source>
        <translation>Den ausgewählten Schutzschalter jetzt öffnen: Aufrufe seines Dienstes werden bis zum Ablauf der Erholungszeit abgewiesen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Circuit breakers</source>
        <translation>Schutzschalter</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What it saw</source>
        <translation>Befund</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>No health checks in this window.</source>
        <translation>Keine Zustandsprüfungen in diesem Fenster.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Overall: %1 · checked at %2</source>
        <translation>Gesamt: %1 · geprüft um %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The checks run every %1 s</source>
        <translation>Die Prüfungen laufen alle %1 s</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1, in %2 ms</source>
        <translation>%1, in %2 ms</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>tripped by hand</source>
        <translation>von Hand ausgelöst</translation>
    </message>
</context>
<context>
    <name>gw::ChatCompletionClient</name>
    <message>
        <location filename="../src/extract/chatcompletionclient.cpp" line="+128"/>
        <source>%1 sent an answer over %2 MB</source>
        <translation>%1 hat eine Antwort über %2 MB gesendet</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 closed the connection in the middle of its answer (%2 of %3 bytes)</source>
        <translation>%1 hat die Verbindung mitten in der Antwort geschlossen (%2 von %3 Bytes)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 answered HTTP %2 %3</source>
        <translation>%1 antwortete mit HTTP %2 %3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 wants an API key (HTTP %2 %3: %4); set GRAPHWRIGHT_API_KEY</source>
        <translation>%1 verlangt einen API-Schlüssel (HTTP %2 %3: %4); setzen Sie GRAPHWRIGHT_API_KEY</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: the API key was refused (HTTP %2 %3: %4); check GRAPHWRIGHT_API_KEY</source>
        <translation>%1: Der API-Schlüssel wurde abgelehnt (HTTP %2 %3: %4); prüfen Sie GRAPHWRIGHT_API_KEY</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 refused the request with HTTP %2 %3: %4</source>
        <translation>%1 hat die Anfrage mit HTTP %2 %3 abgelehnt: %4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot reach %1: %2</source>
        <translation>%1 ist nicht erreichbar: %2</translation>
    </message>
</context>
<context>
    <name>gw::ChatExtractionCodec</name>
    <message>
        <location filename="../src/extract/chatextractioncodec.cpp" line="+93"/>
        <source>%1 has no &quot;%2&quot;</source>
        <translation>%1 hat kein „%2“</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%2&quot; of %1 is not a string</source>
        <translation>„%2“ von %1 ist keine Zeichenkette</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the answer has no &quot;%1&quot; list</source>
        <translation>die Antwort hat keine Liste „%1“</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot; of the answer is not a list</source>
        <translation>„%1“ der Antwort ist keine Liste</translation>
    </message>
    <message>
        <location line="+34"/>
        <location line="+150"/>
        <source>%1 is not an object</source>
        <translation>%1 ist kein Objekt</translation>
    </message>
    <message>
        <location line="-140"/>
        <source>%1 is %2 characters long; a name has at most %3</source>
        <translation>%1 ist %2 Zeichen lang; ein Name hat höchstens %3</translation>
    </message>
    <message>
        <location line="+194"/>
        <source>the response is not a JSON object (%1 at byte %2)</source>
        <translation>die Antwort ist kein JSON-Objekt (%1 bei Byte %2)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the response has no choices[0].message.content</source>
        <translation>die Antwort hat kein choices[0].message.content</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the response is an error: %1</source>
        <translation>die Antwort ist ein Fehler: %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>the answer is %1 characters long for a chunk of %2 (at most %3)</source>
        <translation>die Antwort ist %1 Zeichen lang für einen Abschnitt von %2 (höchstens %3)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the answer is not JSON (%1 at byte %2)</source>
        <translation>die Antwort ist kein JSON (%1 bei Byte %2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the answer is not a JSON object</source>
        <translation>die Antwort ist kein JSON-Objekt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the answer does not follow the schema (%1)</source>
        <translation>die Antwort folgt nicht dem Schema (%1)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the answer lists %1 entities and %2 relations for a chunk of %3 characters (at most %4 each)</source>
        <translation>die Antwort nennt %1 Entitäten und %2 Beziehungen für einen Abschnitt von %3 Zeichen (höchstens je %4)</translation>
    </message>
</context>
<context>
    <name>gw::CurationRules</name>
    <message>
        <location filename="../src/graph/curationrules.cpp" line="+228"/>
        <source>merge %1 into %2</source>
        <translation>%1 mit %2 zusammenführen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>, named %1</source>
        <translation>, Name %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, as %1</source>
        <translation>, als %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>rename %1 to %2</source>
        <translation>%1 in %2 umbenennen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>retype %1 as %2</source>
        <translation>%1 als %2 einordnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hide %1</source>
        <translation>%1 ausblenden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>show %1 again</source>
        <translation>%1 wieder einblenden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>split %1 out</source>
        <translation>%1 herauslösen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 and %2 are different</source>
        <translation>%1 und %2 sind verschieden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>delete %1 -%2-&gt; %3</source>
        <translation>%1 -%2-&gt; %3 löschen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>change %1 -%2-&gt; %3 to %4</source>
        <translation>%1 -%2-&gt; %3 in %4 ändern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>add %1 -%2-&gt; %3</source>
        <translation>%1 -%2-&gt; %3 hinzufügen</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>not a Graphwright curation file (no &quot;graphwright_curation&quot;: 1 with a list of &quot;edits&quot;)</source>
        <translation>keine Graphwright-Kuratierungsdatei (kein &quot;graphwright_curation&quot;: 1 mit einer Liste &quot;edits&quot;)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>edit %1 of the curation file is not one Graphwright knows (kind &quot;%2&quot;)</source>
        <translation>Änderung %1 der Kuratierungsdatei ist Graphwright unbekannt (Art &quot;%2&quot;)</translation>
    </message>
</context>
<context>
    <name>gw::CurationTable</name>
    <message>
        <location filename="../src/store/curationtable.cpp" line="+17"/>
        <source>cannot read the curation edits</source>
        <translation>die Kuratierungsänderungen können nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot write the curation edits</source>
        <translation>die Kuratierungsänderungen können nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>gw::DocumentIngester</name>
    <message>
        <location filename="../src/pipeline/documentingester.cpp" line="+128"/>
        <source>the file is %1, over the limit of %2 (raise it with --max-file-mb)</source>
        <translation>die Datei ist %1 groß und überschreitet die Grenze von %2 (erhöhen Sie sie mit --max-file-mb)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot open: %1</source>
        <translation>kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>read error: %1</source>
        <translation>Lesefehler: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the file is over the limit of %1</source>
        <translation>die Datei überschreitet die Grenze von %1</translation>
    </message>
    <message>
        <location line="+255"/>
        <location filename="../src/pipeline/ingestjob.cpp" line="+169"/>
        <source>unchanged since it was last ingested</source>
        <translation>seit dem letzten Einlesen unverändert</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no reader for this format</source>
        <translation>für dieses Format gibt es keinen Leser</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>the project file keeps failing (%1); writes pause for %2 s</source>
        <translation>die Projektdatei schlägt wiederholt fehl (%1); Schreibvorgänge pausieren für %2 s</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>stopped after the per-document time limit of %1 s (raise it with --timeout)</source>
        <translation>nach der Zeitgrenze von %1 s pro Dokument angehalten (erhöhen Sie sie mit --timeout)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>could not be saved: %1</source>
        <translation>konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>internal error: %1</source>
        <translation>interner Fehler: %1</translation>
    </message>
</context>
<context>
    <name>gw::DocumentListModel</name>
    <message>
        <location filename="../src/gui/documentlistmodel.cpp" line="+57"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>done (last attempt failed)</source>
        <translation>fertig (letzter Versuch fehlgeschlagen)</translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>%n distinct entities, </source>
        <translation>
            <numerusform>%n verschiedene Entität, </numerusform>
            <numerusform>%n verschiedene Entitäten, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n mentions</source>
        <translation>
            <numerusform>%n Erwähnung</numerusform>
            <numerusform>%n Erwähnungen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Words</source>
        <translation>Wörter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Entities</source>
        <translation>Entitäten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ingested</source>
        <translation>Eingelesen</translation>
    </message>
</context>
<context>
    <name>gw::DocumentListReader</name>
    <message>
        <location filename="../src/store/documentlistreader.cpp" line="+16"/>
        <source>cannot list the documents</source>
        <translation>die Dokumente können nicht aufgelistet werden</translation>
    </message>
</context>
<context>
    <name>gw::DocumentReader</name>
    <message>
        <location filename="../src/gui/documentreader.cpp" line="+143"/>
        <source>&amp;Previous Mention</source>
        <translation>&amp;Vorige Erwähnung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous mention (Shift+F3)</source>
        <translation>Vorige Erwähnung (Umschalt+F3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next Mention</source>
        <translation>&amp;Nächste Erwähnung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next mention (F3)</source>
        <translation>Nächste Erwähnung (F3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show in &amp;Graph</source>
        <translation>Im &amp;Graphen zeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select the entity of this mention in the Graph tab (Return, or click a mention)</source>
        <translation>Die Entität dieser Erwähnung im Reiter Graph wählen (Eingabetaste oder Klick auf eine Erwähnung)</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Open a document (double-click or Return in the list above) to read it with its entities highlighted.</source>
        <translation>Öffnen Sie ein Dokument (Doppelklick oder Eingabetaste in der Liste oben), um es mit hervorgehobenen Entitäten zu lesen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No document open</source>
        <translation>Kein Dokument geöffnet</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>lay out %1</source>
        <translation>%1 setzen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot show %1: %2</source>
        <translation>%1 kann nicht gezeigt werden: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>&lt;b&gt;%1&lt;/b&gt; · %n mention(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; · %n Erwähnung</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; · %n Erwähnungen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(no type)</source>
        <translation>(ohne Typ)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No entity is mentioned in this document.</source>
        <translation>In diesem Dokument wird keine Entität erwähnt.</translation>
    </message>
    <message>
        <location line="+135"/>
        <source>F3: next mention, Return: show it in the graph</source>
        <translation>F3: nächste Erwähnung, Eingabetaste: im Graphen zeigen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mention %1 of %2: %3 (%4)</source>
        <translation>Erwähnung %1 von %2: %3 (%4)</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>%1 (%2): click to show it in the graph</source>
        <translation>%1 (%2): Klick zeigt sie im Graphen</translation>
    </message>
</context>
<context>
    <name>gw::DocumentTextReader</name>
    <message>
        <location filename="../src/store/documenttextreader.cpp" line="+20"/>
        <source>cannot read document %1</source>
        <translation>Dokument %1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>cannot read the mentions of %1</source>
        <translation>die Erwähnungen von %1 können nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>gw::DocumentWriter</name>
    <message>
        <location filename="../src/store/documentwriter.cpp" line="+276"/>
        <source>cannot set foreign_keys</source>
        <translation>foreign_keys kann nicht gesetzt werden</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>cannot enable foreign keys</source>
        <translation>Fremdschlüssel können nicht aktiviert werden</translation>
    </message>
    <message>
        <location line="-190"/>
        <source>cannot write a document without a path</source>
        <translation>ein Dokument ohne Pfad kann nicht geschrieben werden</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>cannot list the tables</source>
        <translation>die Tabellen können nicht aufgelistet werden</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>cannot write document &quot;%1&quot;: chunk %2 spans [%3, %4), outside its text of %5 characters</source>
        <translation>Dokument „%1“ kann nicht geschrieben werden: Abschnitt %2 umfasst [%3, %4) und liegt außerhalb seines Texts von %5 Zeichen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>cannot write document &quot;%1&quot;: %2</source>
        <translation>Dokument „%1“ kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>an entity has no id</source>
        <translation>eine Entität hat keine Kennung</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>mention %1 spans [%2, %3), outside its text of %4 characters</source>
        <translation>Erwähnung %1 umfasst [%2, %3), außerhalb ihres Textes von %4 Zeichen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>mention %1 is in chunk %2 of %3</source>
        <translation>Erwähnung %1 liegt in Abschnitt %2 von %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>mention %1 refers to entity &quot;%2&quot;, which is not among its entities</source>
        <translation>Erwähnung %1 verweist auf die Entität „%2“, die nicht unter ihren Entitäten ist</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the evidence of relation %1 spans [%2, %3), outside its text of %4 characters</source>
        <translation>der Beleg der Beziehung %1 umfasst [%2, %3), außerhalb ihres Textes von %4 Zeichen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>relation %1 is in chunk %2 of %3</source>
        <translation>Beziehung %1 liegt in Abschnitt %2 von %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>relation %1 refers to entity &quot;%2&quot;, which is not among its entities</source>
        <translation>Beziehung %1 verweist auf die Entität „%2“, die nicht unter ihren Entitäten ist</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>cannot isolate a document in its batch</source>
        <translation>ein Dokument kann in seinem Stapel nicht isoliert werden</translation>
    </message>
    <message>
        <location line="+55"/>
        <location line="+345"/>
        <source>cannot write document &quot;%1&quot;</source>
        <translation>Dokument „%1“ kann nicht geschrieben werden</translation>
    </message>
    <message>
        <location line="-280"/>
        <source>cannot record a failure without a path</source>
        <translation>ein Fehlschlag ohne Pfad kann nicht vermerkt werden</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>cannot remove document &quot;%1&quot;</source>
        <translation>Dokument „%1“ kann nicht entfernt werden</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cannot look up document &quot;%1&quot;</source>
        <translation>Dokument „%1“ kann nicht nachgeschlagen werden</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>cannot delete the old version of a document</source>
        <translation>die alte Fassung eines Dokuments kann nicht gelöscht werden</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cannot list the entities of a document</source>
        <translation>die Entitäten eines Dokuments können nicht aufgelistet werden</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>cannot delete entities no document refers to</source>
        <translation>Entitäten ohne Dokument können nicht gelöscht werden</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>cannot read the data version</source>
        <translation>Die Datenversion kann nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>cannot replace document &quot;%1&quot;</source>
        <translation>Dokument „%1“ kann nicht ersetzt werden</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>cannot record the failure of &quot;%1&quot;</source>
        <translation>der Fehlschlag von „%1“ kann nicht vermerkt werden</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>cannot update a document&apos;s error</source>
        <translation>die Fehlermeldung eines Dokuments kann nicht aktualisiert werden</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>save a copy as &quot;%1&quot;</source>
        <translation>Kopie als „%1“ speichern</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>compact the project</source>
        <translation>das Projekt komprimieren</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>cannot prepare a bulk load</source>
        <translation>kann das Massenladen nicht vorbereiten</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cannot index the entities after a bulk load</source>
        <translation>kann die Entitäten nach dem Massenladen nicht indizieren</translation>
    </message>
    <message>
        <location filename="../src/store/retainedrows.cpp" line="+57"/>
        <source>cannot read the old version of &quot;%1&quot;</source>
        <translation>die alte Fassung von „%1“ kann nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>gw::DocumentsView</name>
    <message>
        <location filename="../src/gui/documentsview.cpp" line="+32"/>
        <source>Filter documents by name, folder, format or state</source>
        <translation>Dokumente nach Name, Ordner, Format oder Status filtern</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>&amp;Open in Reader</source>
        <translation>Im &amp;Leser öffnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remove from Project…</source>
        <translation>Aus dem Projekt &amp;entfernen…</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Cannot list the documents: %1</source>
        <translation>Die Dokumente können nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The document read here is no longer in the project.</source>
        <translation>Das hier gelesene Dokument ist nicht mehr im Projekt.</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n Dokument</numerusform>
            <numerusform>%n Dokumente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 of %n document(s)</source>
        <translation>
            <numerusform>%1 von %n Dokument</numerusform>
            <numerusform>%1 von %n Dokumenten</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reading the documents…</source>
        <translation>Die Dokumente werden gelesen…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>reading…</source>
        <translation>wird gelesen…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1 could not be ingested: %2</source>
        <translation>%1 konnte nicht eingelesen werden: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weiteres</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove Documents</source>
        <translation>Dokumente entfernen</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Remove %n document(s) from the project, with their entities, mentions and relations?</source>
        <translation>
            <numerusform>%n Dokument mit seinen Entitäten, Erwähnungen und Relationen aus dem Projekt entfernen?</numerusform>
            <numerusform>%n Dokumente mit ihren Entitäten, Erwähnungen und Relationen aus dem Projekt entfernen?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This cannot be undone; ingest the file again to get it back. Entities that other documents mention stay.</source>
        <translation>Das lässt sich nicht rückgängig machen; lesen Sie die Datei erneut ein, um sie zurückzubekommen. Entitäten, die andere Dokumente erwähnen, bleiben.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>Removing %n document(s)…</source>
        <translation>
            <numerusform>%n Dokument wird entfernt…</numerusform>
            <numerusform>%n Dokumente werden entfernt…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot remove the documents</source>
        <translation>Die Dokumente können nicht entfernt werden</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n document(s) removed from the project.</source>
        <translation>
            <numerusform>%n Dokument aus dem Projekt entfernt.</numerusform>
            <numerusform>%n Dokumente aus dem Projekt entfernt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gw::EndpointProbe</name>
    <message>
        <location filename="../src/extract/endpointprobe.cpp" line="+152"/>
        <source>Enter the endpoint&apos;s URL first, e.g. http://localhost:11434/v1.</source>
        <translation>Geben Sie zuerst die URL des Endpunkts ein, z. B. http://localhost:11434/v1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1” is not an http or https URL.</source>
        <translation>„%1“ ist keine http- oder https-URL.</translation>
    </message>
    <message numerus="yes">
        <location line="+48"/>
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weiteres</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 answered, but lists no models.</source>
        <translation>%1 hat geantwortet, listet aber keine Modelle.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 answered with %n model(s): %2.</source>
        <translation>
            <numerusform>%1 hat mit %n Modell geantwortet: %2.</numerusform>
            <numerusform>%1 hat mit %n Modellen geantwortet: %2.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The model “%1” is among them.</source>
        <translation>Das Modell „%1“ ist dabei.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The model “%1” is not among them.</source>
        <translation>Das Modell „%1“ ist nicht dabei.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 answered HTTP %2, but not with a model list: %3</source>
        <translation>%1 hat mit HTTP %2 geantwortet, aber nicht mit einer Modellliste: %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 wants an API key (HTTP %2: %3). Enter one, or set %4.</source>
        <translation>%1 verlangt einen API-Schlüssel (HTTP %2: %3). Geben Sie einen ein oder setzen Sie %4.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 refused the API key (HTTP %2: %3).</source>
        <translation>%1 hat den API-Schlüssel abgelehnt (HTTP %2: %3).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 answered HTTP %2 %3: %4</source>
        <translation>%1 hat mit HTTP %2 %3 geantwortet: %4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>connection refused — is the server running, and on this port?</source>
        <translation>Verbindung abgelehnt – läuft der Server, und auf diesem Port?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>host not found</source>
        <translation>Host nicht gefunden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot reach %1: %2</source>
        <translation>%1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1 did not answer within %2 s.</source>
        <translation>%1 hat nicht innerhalb von %2 s geantwortet.</translation>
    </message>
</context>
<context>
    <name>gw::EntityDetailsPanel</name>
    <message>
        <location filename="../src/gui/entitydetailspanel.cpp" line="+69"/>
        <source>Documents and sentences</source>
        <translation>Dokumente und Sätze</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Click a sentence to read it in context; double-click it (or Return) to open the document in the reader there</source>
        <translation>Klicken Sie auf einen Satz, um ihn im Zusammenhang zu lesen; Doppelklick (oder Eingabetaste) öffnet das Dokument dort im Leser</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Click a sentence above to read it in its document.</source>
        <translation>Klicken Sie oben auf einen Satz, um ihn in seinem Dokument zu lesen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Neighbour</source>
        <translation>Nachbar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Relation</source>
        <translation>Beziehung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entity</source>
        <translation>Entität</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Similarity</source>
        <translation>Ähnlichkeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Neighbours</source>
        <translation>Nachbarn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Similar entities</source>
        <translation>Ähnliche Entitäten</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Open in Reader</source>
        <translation>Im &amp;Leser öffnen</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&amp;Delete This Relation</source>
        <translation>Diese Relation &amp;löschen</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No entity selected</source>
        <translation>Keine Entität ausgewählt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select an entity in the table or the graph.</source>
        <translation>Wählen Sie eine Entität in der Tabelle oder im Graphen aus.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Reading where it comes from…</source>
        <translation>Herkunft wird gelesen…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Entity not found</source>
        <translation>Entität nicht gefunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The project no longer has it; refresh the graph.</source>
        <translation>Das Projekt enthält sie nicht mehr; aktualisieren Sie den Graphen.</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%1 · %n mention(s)</source>
        <translation>
            <numerusform>%1 · %n Erwähnung</numerusform>
            <numerusform>%1 · %n Erwähnungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n Dokument</numerusform>
            <numerusform>%n Dokumente</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Written as: %1</source>
        <translation>Schreibweisen: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weitere</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%1 (%n mention(s))</source>
        <translation>
            <numerusform>%1 (%n Erwähnung)</numerusform>
            <numerusform>%1 (%n Erwähnungen)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>… more mentions in this document</source>
        <translation>… weitere Erwähnungen in diesem Dokument</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>No similar entities (it has no relations).</source>
        <translation>Keine ähnlichen Entitäten (sie hat keine Beziehungen).</translation>
    </message>
</context>
<context>
    <name>gw::EntityEvidenceReader</name>
    <message>
        <location filename="../src/store/entityevidencereader.cpp" line="+35"/>
        <source>cannot read the entity</source>
        <translation>die Entität kann nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>cannot read the entity&apos;s mentions</source>
        <translation>die Erwähnungen der Entität können nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>cannot read the text of %1</source>
        <translation>der Text von %1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>cannot read the entity&apos;s relations</source>
        <translation>die Beziehungen der Entität können nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>gw::EntityPositionTable</name>
    <message>
        <location filename="../src/store/entitypositiontable.cpp" line="+19"/>
        <source>cannot save the layout</source>
        <translation>das Layout kann nicht gespeichert werden</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>cannot read the layout</source>
        <translation>das Layout kann nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>gw::EntityTableModel</name>
    <message>
        <location filename="../src/gui/entitytablemodel.cpp" line="+108"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mentions</source>
        <translation>Erwähnungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Degree</source>
        <translation>Grad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PageRank</source>
        <translation>PageRank</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Community</source>
        <translation>Community</translation>
    </message>
</context>
<context>
    <name>gw::EntityVectorTable</name>
    <message>
        <location filename="../src/store/entityvectortable.cpp" line="+24"/>
        <source>cannot clear the entity vectors</source>
        <translation>die Entitätsvektoren können nicht gelöscht werden</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>cannot store the vector of entity &quot;%1&quot;</source>
        <translation>der Vektor der Entität „%1“ kann nicht gespeichert werden</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+32"/>
        <source>cannot read the entity vectors</source>
        <translation>die Entitätsvektoren können nicht gelesen werden</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>the stored entity vectors are damaged (%1); compute them again</source>
        <translation>die gespeicherten Entitätsvektoren sind beschädigt (%1); berechnen Sie sie neu</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>they mix methods or dimensions</source>
        <translation>sie mischen Verfahren oder Dimensionen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the vector of entity &quot;%1&quot; has the wrong size</source>
        <translation>der Vektor der Entität „%1“ hat die falsche Größe</translation>
    </message>
</context>
<context>
    <name>gw::EpubParser</name>
    <message>
        <location filename="../src/ingest/epubparser.cpp" line="+72"/>
        <source>not an EPUB book (its mimetype is %1)</source>
        <translation>kein EPUB-Buch (sein MIME-Typ ist %1)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 names no package document</source>
        <translation>%1 nennt kein Paketdokument</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>the spine of %1 names %2, which the manifest lacks</source>
        <translation>die Lesereihenfolge (spine) von %1 nennt %2, das im Manifest fehlt</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>the text is longer than the limit of %1 characters</source>
        <translation>der Text ist länger als die Grenze von %1 Zeichen</translation>
    </message>
</context>
<context>
    <name>gw::ExportFile</name>
    <message>
        <location filename="../src/graph/exportfile.cpp" line="+50"/>
        <source>cannot write &quot;%1&quot;: %2</source>
        <translation>„%1“ kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>gw::ExtractionCacheTable</name>
    <message>
        <location filename="../src/store/extractioncachetable.cpp" line="+33"/>
        <location line="+17"/>
        <source>cannot read the extraction cache</source>
        <translation>der Extraktions-Cache kann nicht gelesen werden</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>cannot write the extraction cache</source>
        <translation>der Extraktions-Cache kann nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>gw::FormatDetector</name>
    <message>
        <location filename="../src/ingest/formatdetector.cpp" line="+112"/>
        <source>no file extension and content not recognised</source>
        <translation>keine Dateiendung und Inhalt nicht erkannt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unsupported file type &apos;.%1&apos;</source>
        <translation>nicht unterstützter Dateityp „.%1“</translation>
    </message>
</context>
<context>
    <name>gw::GraphAnalytics</name>
    <message>
        <location filename="../src/graph/graphanalytics.cpp" line="+96"/>
        <source>computing PageRank</source>
        <translation>PageRank wird berechnet</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>finding connected components</source>
        <translation>Zusammenhangskomponenten werden gesucht</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>computing node strengths</source>
        <translation>Knotenstärken werden berechnet</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>finding communities</source>
        <translation>Gemeinschaften werden gesucht</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>computing betweenness</source>
        <translation>Betweenness wird berechnet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>estimating betweenness</source>
        <translation>Betweenness wird geschätzt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>computing k-cores</source>
        <translation>k-Kerne werden berechnet</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>finding a shortest path</source>
        <translation>ein kürzester Pfad wird gesucht</translation>
    </message>
    <message>
        <location filename="../src/graph/igraphsession.cpp" line="+158"/>
        <source>Graph analysis failed while %1: %2.</source>
        <translation>Die Graphanalyse ist fehlgeschlagen beim Schritt „%1“: %2.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>seeding the random generator</source>
        <translation>der Zufallsgenerator wird initialisiert</translation>
    </message>
    <message>
        <location filename="../src/graph/igraphview.cpp" line="+24"/>
        <source>The relation &quot;%1&quot; from &quot;%2&quot; to &quot;%3&quot; has the weight %4; graph analysis needs weights of zero or more. Fix or remove that relation.</source>
        <translation>Die Beziehung „%1“ von „%2“ nach „%3“ hat das Gewicht %4; die Graphanalyse braucht Gewichte von null oder mehr. Korrigieren oder entfernen Sie diese Beziehung.</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+49"/>
        <source>allocating the graph</source>
        <translation>der Graph wird angelegt</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+19"/>
        <source>building the graph</source>
        <translation>der Graph wird aufgebaut</translation>
    </message>
</context>
<context>
    <name>gw::GraphExporter</name>
    <message>
        <location filename="../src/graph/graphexporter.cpp" line="+31"/>
        <source>unknown export format &quot;%1&quot; (use one of: %2)</source>
        <translation>unbekanntes Exportformat „%1“ (verwenden Sie eines von: %2)</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>no output path given for the export</source>
        <translation>für den Export ist kein Ausgabepfad angegeben</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot export to &quot;%1&quot;: it is a file, and this format writes a folder</source>
        <translation>Export nach „%1“ nicht möglich: es ist eine Datei, und dieses Format schreibt einen Ordner</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot create the folder &quot;%1&quot;</source>
        <translation>der Ordner „%1“ kann nicht angelegt werden</translation>
    </message>
</context>
<context>
    <name>gw::GraphLayout</name>
    <message>
        <location filename="../src/graph/communitylayout.cpp" line="+142"/>
        <location filename="../src/graph/graphlayout.cpp" line="+39"/>
        <source>computing the layout</source>
        <translation>das Layout wird berechnet</translation>
    </message>
</context>
<context>
    <name>gw::GraphLayoutJob</name>
    <message>
        <location filename="../src/pipeline/graphlayoutjob.cpp" line="+49"/>
        <source>layout cancelled</source>
        <translation>Layout abgebrochen</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>lay the graph out</source>
        <translation>den Graphen anordnen</translation>
    </message>
</context>
<context>
    <name>gw::GraphPanel</name>
    <message>
        <location filename="../src/gui/graphpanel.cpp" line="+35"/>
        <source>Find an entity…</source>
        <translation>Entität suchen…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Colour:</source>
        <translation>Farbe:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Community</source>
        <translation>Community</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Size:</source>
        <translation>Größe:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PageRank</source>
        <translation>PageRank</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Degree</source>
        <translation>Grad</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>One disc per community; double-click a disc to show its entities (O)</source>
        <translation>Eine Scheibe je Community; Doppelklick auf eine Scheibe zeigt ihre Entitäten (O)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Collapse All</source>
        <translation>Alle zuklappen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to one disc per community (Backspace collapses the selected entity&apos;s)</source>
        <translation>Zurück zu einer Scheibe je Community (Rücktaste klappt die der gewählten Entität zu)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Filters</source>
        <translation>Filter</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>min. degree </source>
        <translation>min. Grad </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ego network</source>
        <translation>Ego-Netzwerk</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show only the selected entity and the entities within the given depth</source>
        <translation>Nur die ausgewählte Entität und die Entitäten bis zur angegebenen Tiefe anzeigen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>depth </source>
        <translation>Tiefe </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit the graph to the view (F)</source>
        <translation>Den Graphen in die Ansicht einpassen (F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re-run layout</source>
        <translation>Layout neu berechnen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Layout cancelled</source>
        <translation>Layout abgebrochen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Layout failed: %1</source>
        <translation>Layout fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Types</source>
        <translation>Typen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(no type)</source>
        <translation>(ohne Typ)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Communities</source>
        <translation>Communitys</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Community %1</source>
        <translation>Community %1</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>No entity named “%1”</source>
        <translation>Keine Entität namens „%1“</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1” is hidden by the filters</source>
        <translation>„%1“ ist durch die Filter ausgeblendet</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Computing the layout…</source>
        <translation>Layout wird berechnet…</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%1 of %Ln entities shown</source>
        <translation>
            <numerusform>%1 von %Ln Entität gezeigt</numerusform>
            <numerusform>%1 von %Ln Entitäten gezeigt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%Ln communities as discs (%1 entities; double-click one to show them)</source>
        <translation>
            <numerusform>%Ln Community als Scheibe (%1 Entitäten; Doppelklick zeigt sie)</numerusform>
            <numerusform>%Ln Communities als Scheiben (%1 Entitäten; Doppelklick auf eine zeigt sie)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Export Graph View</source>
        <translation>Graphansicht exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG-Bild (*.png);;SVG-Zeichnung (*.svg)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot write %1. Check that the folder exists and is writable.</source>
        <translation>%1 kann nicht geschrieben werden. Prüfen Sie, ob der Ordner existiert und beschreibbar ist.</translation>
    </message>
</context>
<context>
    <name>gw::GraphRenderer</name>
    <message>
        <location filename="../src/gui/graphrenderer.cpp" line="+535"/>
        <source>Small groups: %1</source>
        <translation>Kleine Gruppen: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n entities</source>
        <translation>
            <numerusform>%n Entität</numerusform>
            <numerusform>%n Entitäten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gw::GraphScene</name>
    <message>
        <location filename="../src/gui/graphscene.cpp" line="+183"/>
        <source>Community %1</source>
        <translation>Community %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Other communities</source>
        <translation>Andere Communitys</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>(no type)</source>
        <translation>(ohne Typ)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Other types</source>
        <translation>Andere Typen</translation>
    </message>
</context>
<context>
    <name>gw::GraphView</name>
    <message>
        <location filename="../src/gui/graphview.cpp" line="+25"/>
        <location line="+47"/>
        <source>Colour by community</source>
        <translation>Farbe nach Community</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Colour by type</source>
        <translation>Farbe nach Typ</translation>
    </message>
    <message numerus="yes">
        <location line="+193"/>
        <source>%n entities: %1</source>
        <translation>
            <numerusform>%n Entität: %1</numerusform>
            <numerusform>%n Entitäten: %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Double-click to show them</source>
        <translation>Doppelklick zeigt sie</translation>
    </message>
    <message>
        <location line="+257"/>
        <source>No entities to show yet</source>
        <translation>Noch keine Entitäten zum Anzeigen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No entity passes the filters</source>
        <translation>Keine Entität entspricht den Filtern</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Knowledge graph</source>
        <translation>Wissensgraph</translation>
    </message>
</context>
<context>
    <name>gw::GraphWorkspace</name>
    <message>
        <location filename="../src/gui/graphworkspace.cpp" line="+86"/>
        <source>Filter entities and relations (Ctrl+F)</source>
        <translation>Entitäten und Beziehungen filtern (Strg+F)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show entities of this type only</source>
        <translation>Nur Entitäten dieses Typs anzeigen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show relations of this type only</source>
        <translation>Nur Beziehungen dieses Typs anzeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chance co-occurrence</source>
        <translation>Zufällige Kookkurrenz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also show names seen together in only one sentence (mostly chance: hidden by default, with the typed relations always shown)</source>
        <translation>Auch Namen zeigen, die nur in einem einzigen Satz zusammen vorkommen (meist Zufall: standardmäßig ausgeblendet; typisierte Beziehungen werden immer gezeigt)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export Table…</source>
        <translation>Tabelle exportieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the rows the table shows as CSV</source>
        <translation>Die in der Tabelle angezeigten Zeilen als CSV speichern</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop loading the graph</source>
        <translation>Das Laden des Graphen abbrechen</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Entities</source>
        <translation>Entitäten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relations</source>
        <translation>Beziehungen</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>cancelled by the user</source>
        <translation>vom Benutzer abgebrochen</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Cannot change the graph</source>
        <translation>Der Graph kann nicht geändert werden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Merge Into One…</source>
        <translation>&amp;Zu einer Entität zusammenführen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make the selected entities one; the others become its aliases</source>
        <translation>Die ausgewählten Entitäten werden eine; die anderen werden ihre Aliasnamen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;name…</source>
        <translation>&amp;Umbenennen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change &amp;Type…</source>
        <translation>&amp;Typ ändern…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hide (Not an Entity)</source>
        <translation>&amp;Ausblenden (keine Entität)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leave the graph; its mentions stay in the documents</source>
        <translation>Aus dem Graphen nehmen; die Erwähnungen bleiben in den Dokumenten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add &amp;Relation…</source>
        <translation>Re&amp;lation hinzufügen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A relation between the two selected entities, with a note kept as its evidence</source>
        <translation>Eine Relation zwischen den zwei ausgewählten Entitäten, mit einer Notiz als Beleg</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show &amp;Path Between</source>
        <translation>&amp;Pfad dazwischen zeigen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The shortest chain of relations between the two selected entities, in the graph</source>
        <translation>Die kürzeste Kette von Relationen zwischen den beiden gewählten Entitäten, im Graphen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Delete Relation</source>
        <translation>Relation l&amp;öschen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change Relation &amp;Type…</source>
        <translation>Relationst&amp;yp ändern…</translation>
    </message>
    <message>
        <location line="+50"/>
        <location line="+16"/>
        <location line="+79"/>
        <source>No project open</source>
        <translation>Kein Projekt geöffnet</translation>
    </message>
    <message>
        <location line="-57"/>
        <location line="+98"/>
        <source>Reading the graph…</source>
        <translation>Graph wird gelesen…</translation>
    </message>
    <message>
        <location line="-76"/>
        <source>The graph could not be loaded: %1</source>
        <translation>Der Graph konnte nicht geladen werden: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Loading cancelled; %n entities shown.</source>
        <translation>
            <numerusform>Laden abgebrochen; %n Entität angezeigt.</numerusform>
            <numerusform>Laden abgebrochen; %n Entitäten angezeigt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+47"/>
        <source>%Ln documents</source>
        <translation>
            <numerusform>%Ln Dokument</numerusform>
            <numerusform>%Ln Dokumente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln entities</source>
        <translation>
            <numerusform>%Ln Entität</numerusform>
            <numerusform>%Ln Entitäten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln relations</source>
        <translation>
            <numerusform>%Ln Relation</numerusform>
            <numerusform>%Ln Relationen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>Ranking %n entities and finding communities…</source>
        <translation>
            <numerusform>Rangfolge für %n Entität wird berechnet, Communitys werden ermittelt…</numerusform>
            <numerusform>Rangfolge für %n Entitäten wird berechnet, Communitys werden ermittelt…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Laying out %n entities…</source>
        <translation>
            <numerusform>%n Entität wird angeordnet…</numerusform>
            <numerusform>%n Entitäten werden angeordnet…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+99"/>
        <source>Finding similar entities…</source>
        <translation>Ähnliche Entitäten werden gesucht…</translation>
    </message>
    <message>
        <location line="-81"/>
        <source>All entity types</source>
        <translation>Alle Entitätstypen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All relation types</source>
        <translation>Alle Beziehungstypen</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Similar entities come when the graph has loaded.</source>
        <translation>Ähnliche Entitäten erscheinen, sobald der Graph geladen ist.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No entity vectors: %1</source>
        <translation>Keine Entitätsvektoren: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cannot read its provenance: %1</source>
        <translation>Ihre Herkunft kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+41"/>
        <location line="+9"/>
        <source>No project is open.</source>
        <translation>Kein Projekt ist geöffnet.</translation>
    </message>
    <message>
        <location line="-7"/>
        <location line="+13"/>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>show the edit</source>
        <translation>die Änderung zeigen</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Show &amp;Neighbours</source>
        <translation>&amp;Nachbarn zeigen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All Relations (%1)</source>
        <translation>Alle Relationen (%1)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Collapse Its Community</source>
        <translation>Ihre Community &amp;zuklappen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>find a path</source>
        <translation>einen Pfad finden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No path found between %1 and %2: %3</source>
        <translation>Kein Pfad zwischen %1 und %2 gefunden: %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 and %2 are not connected in the graph shown</source>
        <translation>%1 und %2 sind im gezeigten Graphen nicht verbunden</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Path of %n relation(s): %1</source>
        <translation>
            <numerusform>Pfad aus %n Relation: %1</numerusform>
            <numerusform>Pfad aus %n Relationen: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+38"/>
        <source>delete %n relations</source>
        <translation>
            <numerusform>%n Relation löschen</numerusform>
            <numerusform>%n Relationen löschen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>change the type of %n relations</source>
        <translation>
            <numerusform>den Typ von %n Relation ändern</numerusform>
            <numerusform>den Typ von %n Relationen ändern</numerusform>
        </translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Change Relation Type</source>
        <translation>Relationstyp ändern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type of %1 → %2:</source>
        <translation>Typ von %1 → %2:</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Type of the %n selected relations:</source>
        <translation>
            <numerusform>Typ der ausgewählten Relation:</numerusform>
            <numerusform>Typ der %n ausgewählten Relationen:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Add Relation</source>
        <translation>Relation hinzufügen</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Why: kept as the relation&apos;s evidence</source>
        <translation>Warum: bleibt als Beleg der Relation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Direction:</source>
        <translation>&amp;Richtung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Type:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Note:</source>
        <translation>&amp;Notiz:</translation>
    </message>
    <message numerus="yes">
        <location line="+47"/>
        <source>hide %n entities</source>
        <translation>
            <numerusform>%n Entität ausblenden</numerusform>
            <numerusform>%n Entitäten ausblenden</numerusform>
        </translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Merge Into One</source>
        <translation>Zu einer Entität zusammenführen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keep which entity? The others become its aliases (undo with Ctrl+Z).</source>
        <translation>Welche Entität bleibt? Die anderen werden ihre Aliasnamen (rückgängig mit Strg+Z).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New name of %1:</source>
        <translation>Neuer Name für %1:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Change Type</source>
        <translation>Typ ändern</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type of %1:</source>
        <translation>Typ von %1:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export Relations</source>
        <translation>Beziehungen exportieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export Entities</source>
        <translation>Entitäten exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Wrote %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot export the table</source>
        <translation>Die Tabelle kann nicht exportiert werden</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>GraphML (*.graphml)</source>
        <translation>GraphML (*.graphml)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GEXF 1.3 for Gephi (*.gexf)</source>
        <translation>GEXF 1.3 für Gephi (*.gexf)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Node-link JSON (*.json)</source>
        <translation>Node-Link-JSON (*.json)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV tables: a folder with nodes.csv and edges.csv (*)</source>
        <translation>CSV-Tabellen: ein Ordner mit nodes.csv und edges.csv (*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Neo4j import folder (*)</source>
        <translation>Neo4j-Importordner (*)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export Graph</source>
        <translation>Graph exportieren</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Exported the graph to %1</source>
        <translation>Graph nach %1 exportiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot export the graph</source>
        <translation>Der Graph kann nicht exportiert werden</translation>
    </message>
</context>
<context>
    <name>gw::HtmlParser</name>
    <message>
        <location filename="../src/ingest/htmlparser.cpp" line="+268"/>
        <source>HTML elements are nested deeper than the limit of %1</source>
        <translation>HTML-Elemente sind tiefer verschachtelt als die Grenze von %1</translation>
    </message>
</context>
<context>
    <name>gw::IngestJob</name>
    <message>
        <location filename="../src/pipeline/ingestjob.cpp" line="+117"/>
        <source>the job was cancelled</source>
        <translation>der Auftrag wurde abgebrochen</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+21"/>
        <source>cancelled before it started</source>
        <translation>vor dem Start abgebrochen</translation>
    </message>
</context>
<context>
    <name>gw::InputExpander</name>
    <message>
        <location filename="../src/ingest/inputexpander.cpp" line="+27"/>
        <source>named pipe (FIFO), not a regular file</source>
        <translation>benannte Pipe (FIFO), keine reguläre Datei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>character device, not a regular file</source>
        <translation>zeichenorientiertes Gerät, keine reguläre Datei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>block device, not a regular file</source>
        <translation>blockorientiertes Gerät, keine reguläre Datei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>socket, not a regular file</source>
        <translation>Socket, keine reguläre Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not a regular file or folder</source>
        <translation>weder eine reguläre Datei noch ein Ordner</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no such file or directory</source>
        <translation>Datei oder Verzeichnis nicht gefunden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>permission denied</source>
        <translation>Zugriff verweigert</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+109"/>
        <source>symbolic link loop</source>
        <translation>Schleife symbolischer Verknüpfungen</translation>
    </message>
    <message>
        <location line="-61"/>
        <source>empty path</source>
        <translation>leerer Pfad</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>broken symbolic link</source>
        <translation>defekte symbolische Verknüpfung</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>permission denied (folder cannot be listed)</source>
        <translation>Zugriff verweigert (der Ordnerinhalt kann nicht aufgelistet werden)</translation>
    </message>
</context>
<context>
    <name>gw::JobsModel</name>
    <message>
        <location filename="../src/gui/jobsmodel.cpp" line="+62"/>
        <location line="+22"/>
        <location line="+176"/>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <location line="-196"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HTML</source>
        <translation>HTML</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DOCX</source>
        <translation>DOCX</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ODT</source>
        <translation>ODT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>EPUB</source>
        <translation>EPUB</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TSV</source>
        <translation>TSV</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location line="+121"/>
        <source>No documents</source>
        <translation>Keine Dokumente</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 running</source>
        <translation>%1 in Arbeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 queued</source>
        <translation>%1 wartend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 done</source>
        <translation>%1 fertig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 failed</source>
        <translation>%1 fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 skipped</source>
        <translation>%1 übersprungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 cancelled</source>
        <translation>%1 abgebrochen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Documents: %1 · %2</source>
        <translation>Dokumente: %1 · %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location line="+11"/>
        <source> · %1/s</source>
        <translation> · %1/s</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Queued</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reading</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Parsing</source>
        <translation>Analyse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chunking</source>
        <translation>Aufteilen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Extracting</source>
        <translation>Extraktion</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Storing</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../src/gui/jobsview.cpp" line="+102"/>
        <source>stopped at %1 %</source>
        <translation>gestoppt bei %1 %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location line="+15"/>
        <location filename="../src/gui/jobsview.cpp" line="+11"/>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../src/gui/jobsview.cpp" line="+0"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>%1 bytes</source>
        <translation>%1 Byte</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stage progress</source>
        <translation>Phasenfortschritt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Elapsed</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Error / reason</source>
        <translation>Fehler / Grund</translation>
    </message>
</context>
<context>
    <name>gw::JobsView</name>
    <message>
        <location filename="../src/gui/jobsview.cpp" line="-56"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel the selected documents (Delete)</source>
        <translation>Die ausgewählten Dokumente abbrechen (Entf)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Retry</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ingest the selected failed or cancelled documents again (Ctrl+R)</source>
        <translation>Die ausgewählten fehlgeschlagenen oder abgebrochenen Dokumente erneut einlesen (Strg+R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel &amp;All</source>
        <translation>Alle a&amp;bbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel every queued and running document; finished ones are kept</source>
        <translation>Alle wartenden und laufenden Dokumente abbrechen; fertige bleiben erhalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear &amp;Finished</source>
        <translation>Fertige &amp;entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove done, failed, skipped and cancelled documents from the list</source>
        <translation>Fertige, fehlgeschlagene, übersprungene und abgebrochene Dokumente aus der Liste entfernen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Select a document to see its path, state and any error in full.</source>
        <translation>Wählen Sie ein Dokument aus, um Pfad, Status und gegebenenfalls den vollständigen Fehler zu sehen.</translation>
    </message>
    <message>
        <location line="+148"/>
        <source>Path: %1</source>
        <translation>Pfad: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format: %1 · Size: %2</source>
        <translation>Format: %1 · Größe: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Elapsed: %1</source>
        <translation>Dauer: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Words: %1 · Chunks: %2</source>
        <translation>Wörter: %1 · Abschnitte: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason: %1</source>
        <translation>Grund: %1</translation>
    </message>
</context>
<context>
    <name>gw::JsonParser</name>
    <message>
        <location filename="../src/ingest/jsonparser.cpp" line="+16"/>
        <source>invalid JSON: %1 at byte offset %2</source>
        <translation>ungültiges JSON: %1 an Byte-Position %2</translation>
    </message>
</context>
<context>
    <name>gw::JsonSchemaValidator</name>
    <message>
        <location filename="../src/extract/jsonschemavalidator.cpp" line="+91"/>
        <source>%1: %2 is not of type %3</source>
        <translation>%1: %2 ist nicht vom Typ %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: %2 is not %3</source>
        <translation>%1: %2 ist nicht %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: %2 is not one of %3</source>
        <translation>%1: %2 ist keiner von %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: %2 characters, fewer than %3</source>
        <translation>%1: %2 Zeichen, weniger als %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2 characters, more than %3</source>
        <translation>%1: %2 Zeichen, mehr als %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: %2 is less than %3</source>
        <translation>%1: %2 ist kleiner als %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2 is more than %3</source>
        <translation>%1: %2 ist größer als %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: %2 items, fewer than %3</source>
        <translation>%1: %2 Einträge, weniger als %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2 items, more than %3</source>
        <translation>%1: %2 Einträge, mehr als %3</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1: &quot;%2&quot; is missing</source>
        <translation>%1: „%2“ fehlt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: &quot;%2&quot; is not allowed here</source>
        <translation>%1: „%2“ ist hier nicht erlaubt</translation>
    </message>
</context>
<context>
    <name>gw::MainWindow</name>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="+57"/>
        <source>Graphwright projects (*.gwp)</source>
        <translation>Graphwright-Projekte (*.gwp)</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Graph</source>
        <translation>Graph</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Documents</source>
        <translation>&amp;Dokumente</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show the project&apos;s documents and read them with their entities</source>
        <translation>Die Dokumente des Projekts zeigen und mit ihren Entitäten lesen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Circuit Breakers and Health</source>
        <translation>Schutzschalter und Zustand</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Edit History</source>
        <translation>Bearbeitungsverlauf</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;opened project&gt;</source>
        <translation>&lt;geöffnetes Projekt&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Review Queue</source>
        <translation>Prüfliste</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Import &amp;Vocabulary…</source>
        <translation>&amp;Vokabular importieren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Names of your own, with their types (rows name,type,aliases): the extractor finds them in every document</source>
        <translation>Eigene Namen mit ihren Typen (Zeilen name,type,aliases): die Extraktion findet sie in jedem Dokument</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>What the project holds (the relations the graph shows)</source>
        <translation>Was das Projekt enthält (die Relationen, die der Graph zeigt)</translation>
    </message>
    <message>
        <location line="+125"/>
        <source>Cannot open the project</source>
        <translation>Das Projekt kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>All documents are stored; indexing the entities…</source>
        <translation>Alle Dokumente sind gespeichert; die Entitäten werden indiziert…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Remote extraction so far: %1 prompt + %2 completion tokens, cost %3</source>
        <translation>Entfernte Extraktion bisher: %1 Prompt- + %2 Antwort-Tokens, Kosten %3</translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <source>Adding %n item(s)…</source>
        <translation>
            <numerusform>%n Element wird hinzugefügt…</numerusform>
            <numerusform>%n Elemente werden hinzugefügt…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The API key could not be read from the system keyring: %1</source>
        <translation>Der API-Schlüssel konnte nicht aus dem Systemschlüsselbund gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The API key was removed from the system keyring.</source>
        <translation>Der API-Schlüssel wurde aus dem Systemschlüsselbund entfernt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The API key is stored in the system keyring.</source>
        <translation>Der API-Schlüssel ist im Systemschlüsselbund gespeichert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The API key could not be stored: %1. It is used until Graphwright quits; to keep it without a keyring, set %2.</source>
        <translation>Der API-Schlüssel konnte nicht gespeichert werden: %1. Er gilt, bis Graphwright beendet wird; um ihn ohne Schlüsselbund zu behalten, setzen Sie %2.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>estimate</source>
        <translation>Schätzung</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remote extraction of the added documents: %1</source>
        <translation>Entfernte Extraktion der hinzugefügten Dokumente: %1</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Documents are still being ingested</source>
        <translation>Dokumente werden noch eingelesen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel the remaining documents and quit? Documents already finished are kept in the project.</source>
        <translation>Die verbleibenden Dokumente abbrechen und beenden? Bereits fertige Dokumente bleiben im Projekt erhalten.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>New Project</source>
        <translation>Neues Projekt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot create the project</source>
        <translation>Das Projekt kann nicht angelegt werden</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+23"/>
        <source>%1 exists and cannot be replaced.</source>
        <translation>%1 existiert bereits und kann nicht ersetzt werden.</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Open Project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Save Project As</source>
        <translation>Projekt speichern unter</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+75"/>
        <source>Cannot save the project</source>
        <translation>Das Projekt kann nicht gespeichert werden</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>Add Files</source>
        <translation>Dateien hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents (*.pdf *.docx *.odt *.epub *.html *.htm *.xhtml *.md *.markdown *.txt *.text *.log *.csv *.tsv *.json);;All files (*)</source>
        <translation>Dokumente (*.pdf *.docx *.odt *.epub *.html *.htm *.xhtml *.md *.markdown *.txt *.text *.log *.csv *.tsv *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add Folder</source>
        <translation>Ordner hinzufügen</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Preferences saved; they apply to the next project opened.</source>
        <translation>Einstellungen gespeichert; sie gelten ab dem nächsten geöffneten Projekt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>About Graphwright</source>
        <translation>Über Graphwright</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Graphwright %1&lt;/h3&gt;&lt;p&gt;A knowledge-graph workbench: drop documents, and Graphwright ingests them in parallel into one project file.&lt;/p&gt;&lt;p&gt;Built with Qt %2, QCoro, poppler, QuaZip, uchardet and SQLite.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Graphwright %1&lt;/h3&gt;&lt;p&gt;Eine Werkbank für Wissensgraphen: Legen Sie Dokumente ab, und Graphwright liest sie parallel in eine einzige Projektdatei ein.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2, QCoro, poppler, QuaZip, uchardet und SQLite.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Compacting the project…</source>
        <translation>Projekt wird komprimiert …</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot compact the project</source>
        <translation>Das Projekt kann nicht komprimiert werden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Project compacted: %1 → %2.</source>
        <translation>Projekt komprimiert: %1 → %2.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The extraction cache is empty.</source>
        <translation>Der Extraktions-Cache ist leer.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Clear Extraction Cache</source>
        <translation>Extraktions-Cache leeren</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Forget %n cached answer(s) of the remote extractor (%1)? The next ingest of the same texts asks the model again, which takes time and may cost money.</source>
        <translation>
            <numerusform>%n zwischengespeicherte Antwort des entfernten Extraktors (%1) vergessen? Der nächste Import derselben Texte fragt das Modell erneut, was Zeit kostet und Geld kosten kann.</numerusform>
            <numerusform>%n zwischengespeicherte Antworten des entfernten Extraktors (%1) vergessen? Der nächste Import derselben Texte fragt das Modell erneut, was Zeit kostet und Geld kosten kann.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cannot clear the extraction cache</source>
        <translation>Der Extraktions-Cache kann nicht geleert werden</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Extraction cache cleared: %n answer(s), %1.</source>
        <translation>
            <numerusform>Extraktions-Cache geleert: %n Antwort, %1.</numerusform>
            <numerusform>Extraktions-Cache geleert: %n Antworten, %1.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Import Vocabulary</source>
        <translation>Vokabular importieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vocabularies: name,type,aliases (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>Vokabulare: name,type,aliases (*.csv *.tsv *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cannot import the vocabulary</source>
        <translation>Das Vokabular kann nicht importiert werden</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n names imported from %1 (%2 new).</source>
        <translation>
            <numerusform>%n Name aus %1 importiert (%2 neu).</numerusform>
            <numerusform>%n Namen aus %1 importiert (%2 neu).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Documents ingested from now on use them.</source>
        <translation>Ab jetzt eingelesene Dokumente verwenden sie.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Extract Again?</source>
        <translation>Erneut extrahieren?</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Read the project&apos;s %n documents again now, so that they find these names? You can cancel it in Jobs; documents not read again keep what was found in them.</source>
        <translation>
            <numerusform>Das Dokument des Projekts jetzt erneut lesen, damit es diese Namen findet? Sie können es unter Aufträge abbrechen; nicht erneut gelesene Dokumente behalten, was in ihnen gefunden wurde.</numerusform>
            <numerusform>Die %n Dokumente des Projekts jetzt erneut lesen, damit sie diese Namen finden? Sie können es unter Aufträge abbrechen; nicht erneut gelesene Dokumente behalten, was in ihnen gefunden wurde.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Extract Again</source>
        <translation>&amp;Erneut extrahieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Later</source>
        <translation>&amp;Später</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Import Table</source>
        <translation>Tabelle importieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tables (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>Tabellen (*.csv *.tsv *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Cannot import the table</source>
        <translation>Die Tabelle kann nicht importiert werden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Imported %1 of %2 rows from %3: %4 entities, %5 relations.</source>
        <translation>%1 von %2 Zeilen aus %3 importiert: %4 Entitäten, %5 Beziehungen.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weitere</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Some rows were not imported</source>
        <translation>Einige Zeilen wurden nicht importiert</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n row(s) could not be imported; see the details.</source>
        <translation>
            <numerusform>%n Zeile konnte nicht importiert werden; siehe Details.</numerusform>
            <numerusform>%n Zeilen konnten nicht importiert werden; siehe Details.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Graphwright</source>
        <translation>Graphwright</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 — Graphwright</source>
        <translation>%1 — Graphwright</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No project open</source>
        <translation>Kein Projekt geöffnet</translation>
    </message>
</context>
<context>
    <name>gw::MergeSuggestions</name>
    <message>
        <location filename="../src/graph/mergesuggestions.cpp" line="+114"/>
        <source>an acronym and its long form</source>
        <translation>eine Abkürzung und ihre Langform</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>one name begins the other</source>
        <translation>ein Name beginnt den anderen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a name that ends several full names</source>
        <translation>ein Name, der mehrere volle Namen beendet</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>a name and its plural</source>
        <translation>ein Name und sein Plural</translation>
    </message>
</context>
<context>
    <name>gw::MetricColumns</name>
    <message>
        <location filename="../src/graph/metriccolumns.cpp" line="+21"/>
        <source>the %1 values (%2) do not match the graph&apos;s %3 nodes; compute the analytics again</source>
        <translation>die %1-Werte (%2) passen nicht zu den %3 Knoten des Graphen; berechnen Sie die Analysen neu</translation>
    </message>
</context>
<context>
    <name>gw::OdtParser</name>
    <message>
        <location filename="../src/ingest/odtparser.cpp" line="+54"/>
        <source>not an OpenDocument text (its mimetype is %1)</source>
        <translation>kein OpenDocument-Text (sein MIME-Typ ist %1)</translation>
    </message>
</context>
<context>
    <name>gw::PdfParser</name>
    <message>
        <location filename="../src/ingest/pdfparser.cpp" line="+38"/>
        <source>damaged or truncated</source>
        <translation>beschädigt oder unvollständig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no PDF header</source>
        <translation>kein PDF-Kopf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not a readable PDF (%1)</source>
        <translation>kein lesbares PDF (%1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the PDF is encrypted with a password; save an unencrypted copy and add that</source>
        <translation>das PDF ist mit einem Passwort verschlüsselt; speichern Sie eine unverschlüsselte Kopie und fügen Sie diese hinzu</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not a readable PDF (no pages)</source>
        <translation>kein lesbares PDF (keine Seiten)</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>the text is longer than the limit of %1 characters (stopped at page %2 of %3)</source>
        <translation>der Text ist länger als die Grenze von %1 Zeichen (angehalten bei Seite %2 von %3)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>no extractable text (scanned images?); run it through OCR and add the result</source>
        <translation>kein extrahierbarer Text (gescannte Bilder?); führen Sie eine Texterkennung (OCR) durch und fügen Sie das Ergebnis hinzu</translation>
    </message>
</context>
<context>
    <name>gw::PreferencesDialog</name>
    <message>
        <location filename="../src/gui/preferencesdialog.cpp" line="+45"/>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> per million tokens</source>
        <translation> pro Million Tokens</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ingestion</source>
        <translation>Einlesen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Automatic (%1, one per core)</source>
        <translation>Automatisch (%1, eines pro Kern)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents at once:</source>
        <translation>Dokumente gleichzeitig:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source> characters</source>
        <translation> Zeichen</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Chunk size:</source>
        <translation>Abschnittsgröße:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chunk overlap:</source>
        <translation>Abschnittsüberlappung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <location line="+62"/>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>Largest file:</source>
        <translation>Größte Datei:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Largest unpacked container:</source>
        <translation>Größter entpackter Container:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> levels</source>
        <translation> Ebenen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deepest XML nesting:</source>
        <translation>Tiefste XML-Verschachtelung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> million characters</source>
        <translation> Millionen Zeichen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longest text per document:</source>
        <translation>Längster Text pro Dokument:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+86"/>
        <location line="+2"/>
        <location line="+6"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="-93"/>
        <source>Time limit per document:</source>
        <translation>Zeitlimit pro Dokument:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remote extractor (OpenAI-compatible endpoint)</source>
        <translation>Externer Extraktor (OpenAI-kompatibler Endpunkt)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Other server</source>
        <translation>Anderer Server</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fills in the usual address of the server and whether it honours JSON schemas</source>
        <translation>Trägt die übliche Adresse des Servers ein und ob er JSON-Schemas beachtet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. http://localhost:11434/v1 — empty: built-in extraction only</source>
        <translation>z. B. http://localhost:11434/v1 – leer: nur intern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>URL:</source>
        <translation>URL:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>model name, e.g. llama3</source>
        <translation>Modellname, z. B. llama3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>none; kept in the system keyring</source>
        <translation>keiner; wird im Systemschlüsselbund aufbewahrt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API key:</source>
        <translation>API-Schlüssel:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is set: its key is used instead.</source>
        <translation>%1 ist gesetzt: Stattdessen wird dessen Schlüssel verwendet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server honours JSON schemas (response_format json_schema)</source>
        <translation>Der Server beachtet JSON-Schemas (response_format json_schema)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Asks the endpoint for its models (GET …/v1/models, or Ollama&apos;s /api/tags)</source>
        <translation>Fragt den Endpunkt nach seinen Modellen (GET …/v1/models oder Ollamas /api/tags)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source> tokens</source>
        <translation> Tokens</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+8"/>
        <source>No limit</source>
        <translation>Keine Grenze</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Once the answers have used this many tokens since the project was opened, the built-in extractor does the rest</source>
        <translation>Sobald die Antworten seit dem Öffnen des Projekts so viele Tokens verbraucht haben, erledigt der eingebaute Extraktor den Rest</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Token budget:</source>
        <translation>Token-Budget:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The project keeps the endpoint&apos;s answers, so the same text is never paid for twice; past this size the least recently used answers go</source>
        <translation>Das Projekt behält die Antworten des Endpunkts, damit derselbe Text nie zweimal bezahlt wird; über diese Größe hinaus fallen die am längsten nicht genutzten Antworten weg</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Answer cache limit:</source>
        <translation>Grenze des Antwort-Caches:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Price of prompt tokens:</source>
        <translation>Preis der Prompt-Tokens:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Price of completion tokens:</source>
        <translation>Preis der Antwort-Tokens:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In your billing currency; used for estimates and the running cost.</source>
        <translation>In Ihrer Abrechnungswährung; für Schätzungen und die laufenden Kosten.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Circuit breakers</source>
        <translation>Schutzschalter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> failures</source>
        <translation> Fehlern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open after:</source>
        <translation>Öffnen nach:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Counting failures over:</source>
        <translation>Fehler zählen über:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Try again after:</source>
        <translation>Erneut versuchen nach:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Time limit per call:</source>
        <translation>Zeitlimit pro Aufruf:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retries:</source>
        <translation>Wiederholungen:</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Asking %1…</source>
        <translation>Frage %1…</translation>
    </message>
</context>
<context>
    <name>gw::ProjectConnection</name>
    <message>
        <location filename="../src/store/projectconnection.cpp" line="+44"/>
        <source>the SQLite driver of Qt (QSQLITE) is not available</source>
        <translation>der SQLite-Treiber von Qt (QSQLITE) ist nicht verfügbar</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cannot open the file</source>
        <translation>die Datei kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>the folder %1 does not exist</source>
        <translation>der Ordner %1 existiert nicht</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot create the project: the folder %1 cannot be written (a read-only folder or disk)</source>
        <translation>das Projekt kann nicht angelegt werden: in den Ordner %1 kann nicht geschrieben werden (ein schreibgeschützter Ordner oder Datenträger)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the project is read-only: %1 cannot be written (a read-only file, folder or disk); copy the project to a writable place</source>
        <translation>das Projekt ist schreibgeschützt: %1 kann nicht geschrieben werden (eine schreibgeschützte Datei, ein schreibgeschützter Ordner oder Datenträger); kopieren Sie das Projekt an einen beschreibbaren Ort</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>cannot set busy_timeout</source>
        <translation>busy_timeout kann nicht gesetzt werden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>it is not a Graphwright project (SQLite cannot read it)</source>
        <translation>sie ist kein Graphwright-Projekt (SQLite kann sie nicht lesen)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot enable foreign keys</source>
        <translation>Fremdschlüssel können nicht aktiviert werden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot set synchronous</source>
        <translation>synchronous kann nicht gesetzt werden</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cannot set cache_size</source>
        <translation>cache_size kann nicht gesetzt werden</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cannot set temp_store</source>
        <translation>temp_store kann nicht gesetzt werden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cannot set wal_autocheckpoint</source>
        <translation>wal_autocheckpoint kann nicht gesetzt werden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot switch to WAL</source>
        <translation>Umschalten auf WAL nicht möglich</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot switch to write-ahead logging (journal mode stays &quot;%1&quot;); is the file on a network share?</source>
        <translation>Umschalten auf Write-Ahead-Logging nicht möglich (Journalmodus bleibt „%1“); liegt die Datei auf einer Netzwerkfreigabe?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cannot make the reader read-only</source>
        <translation>die Leseverbindung kann nicht auf Nur-Lesen umgestellt werden</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>cannot prepare &quot;%1&quot;</source>
        <translation>„%1“ kann nicht vorbereitet werden</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>cannot begin a transaction</source>
        <translation>eine Transaktion kann nicht begonnen werden</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>cannot commit</source>
        <translation>Festschreiben nicht möglich</translation>
    </message>
</context>
<context>
    <name>gw::ProjectContext</name>
    <message>
        <location filename="../src/pipeline/projectcontext.cpp" line="+34"/>
        <source>disk space</source>
        <translation>Speicherplatz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>project folder writable</source>
        <translation>Projektordner beschreibbar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>worker pool</source>
        <translation>Worker-Pool</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>circuit breakers</source>
        <translation>Schutzschalter</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the project was closed</source>
        <translation>das Projekt wurde geschlossen</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>project file</source>
        <translation>Projektdatei</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 does not exist yet; the first ingest creates it</source>
        <translation>%1 existiert noch nicht; der erste Import legt sie an</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is not open</source>
        <translation>%1 ist nicht geöffnet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 has disappeared</source>
        <translation>%1 ist verschwunden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: schema %2, %3</source>
        <translation>%1: Schema %2, %3</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>open the project</source>
        <translation>das Projekt öffnen</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+11"/>
        <source>cannot import %1: no project is open</source>
        <translation>%1 kann nicht importiert werden: kein Projekt ist geöffnet</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>import a table</source>
        <translation>Tabelle importieren</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>cannot import %1 while documents are being ingested: import it when they have finished</source>
        <translation>%1 kann nicht importiert werden, während Dokumente eingelesen werden: importieren Sie es, wenn sie fertig sind</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>import a vocabulary</source>
        <translation>ein Vokabular importieren</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>cannot save a copy as %1: no project is open</source>
        <translation>eine Kopie als %1 kann nicht gespeichert werden: kein Projekt ist geöffnet</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cannot compact: no project is open</source>
        <translation>Komprimieren nicht möglich: kein Projekt geöffnet</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cannot reach the extraction cache: no project is open</source>
        <translation>kein Zugriff auf den Extraktions-Cache: kein Projekt ist geöffnet</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>read or change the extraction cache</source>
        <translation>den Extraktions-Cache lesen oder ändern</translation>
    </message>
</context>
<context>
    <name>gw::ProjectGraph</name>
    <message>
        <location filename="../src/pipeline/projectgraph.cpp" line="+86"/>
        <location line="+117"/>
        <location line="+121"/>
        <source>the project closed</source>
        <translation>das Projekt wurde geschlossen</translation>
    </message>
    <message>
        <location line="-168"/>
        <source>load the graph</source>
        <translation>Graph laden</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>read the entity&apos;s provenance</source>
        <translation>Herkunft der Entität lesen</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>read the evidence of two entities</source>
        <translation>die Belege zweier Entitäten lesen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>lay the graph out</source>
        <translation>den Graphen anordnen</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>export the table</source>
        <translation>Tabelle exportieren</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>export the graph</source>
        <translation>Graph exportieren</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>read the curation history</source>
        <translation>den Kuratierungsverlauf lesen</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>list the documents</source>
        <translation>die Dokumente auflisten</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The project no longer has this document; it was removed or ingested again.</source>
        <translation>Das Projekt hat dieses Dokument nicht mehr; es wurde entfernt oder erneut eingelesen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>read the document</source>
        <translation>das Dokument lesen</translation>
    </message>
</context>
<context>
    <name>gw::ProjectMerger</name>
    <message>
        <location filename="../src/store/projectmerger.cpp" line="+24"/>
        <source>cannot merge it: it is not a Graphwright project</source>
        <translation>kann nicht zusammengeführt werden: Es ist kein Graphwright-Projekt</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+14"/>
        <source>cannot read it to merge</source>
        <translation>kann zum Zusammenführen nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>cannot read the columns of %1</source>
        <translation>die Spalten von %1 können nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>cannot copy the %1</source>
        <translation>%1 kann nicht kopiert werden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cannot count what was merged</source>
        <translation>das Zusammengeführte kann nicht gezählt werden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cannot merge</source>
        <translation>kann nicht zusammenführen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>cannot read the vocabulary</source>
        <translation>das Vokabular kann nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cannot read the vocabulary to merge</source>
        <translation>das zusammenzuführende Vokabular kann nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>cannot merge the vocabulary</source>
        <translation>das Vokabular kann nicht zusammengeführt werden</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>cannot merge it: not a file</source>
        <translation>kann nicht zusammengeführt werden: keine Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot merge it: no such file</source>
        <translation>kann nicht zusammengeführt werden: Datei nicht vorhanden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot merge a project into itself</source>
        <translation>ein Projekt kann nicht mit sich selbst zusammengeführt werden</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cannot merge it: it was made by a newer Graphwright (schema %1, this version reads up to %2)</source>
        <translation>kann nicht zusammengeführt werden: Es wurde von einem neueren Graphwright erstellt (Schema %1, diese Version liest bis %2)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cannot merge it: it was made by an older Graphwright (schema %1 of %2); open it once with this version to bring it up to date (graphwright-cli status --project FILE)</source>
        <translation>kann nicht zusammengeführt werden: Es wurde von einem älteren Graphwright erstellt (Schema %1 von %2); öffnen Sie es einmal mit dieser Version, um es zu aktualisieren (graphwright-cli status --project DATEI)</translation>
    </message>
    <message>
        <location line="+124"/>
        <source>cannot merge the curation edits</source>
        <translation>die Kuratierungsänderungen können nicht zusammengeführt werden</translation>
    </message>
</context>
<context>
    <name>gw::ProjectSchema</name>
    <message>
        <location filename="../src/store/projectschema.cpp" line="+257"/>
        <source>cannot read the schema version</source>
        <translation>die Schemaversion kann nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>it was made by a newer Graphwright (schema %1, this version reads up to %2); open it with a newer Graphwright</source>
        <translation>sie wurde mit einem neueren Graphwright erstellt (Schema %1, diese Version liest bis %2); öffnen Sie sie mit einem neueren Graphwright</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cannot read the application id</source>
        <translation>die Anwendungskennung kann nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>it is a SQLite database of another application (application id %1), not a Graphwright project</source>
        <translation>sie ist eine SQLite-Datenbank einer anderen Anwendung (Anwendungskennung %1), kein Graphwright-Projekt</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>cannot list its tables</source>
        <translation>ihre Tabellen können nicht aufgelistet werden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>it is a SQLite database with %1 tables but no Graphwright schema; not a Graphwright project</source>
        <translation>sie ist eine SQLite-Datenbank mit %1 Tabellen, aber ohne Graphwright-Schema; kein Graphwright-Projekt</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>cannot upgrade to schema %1 (%2)</source>
        <translation>Aktualisierung auf Schema %1 nicht möglich (%2)</translation>
    </message>
</context>
<context>
    <name>gw::ProjectStore</name>
    <message>
        <location filename="../src/store/projectstore.cpp" line="+202"/>
        <source>no project file name was given</source>
        <translation>es wurde kein Name für die Projektdatei angegeben</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>its folder &quot;%1&quot; does not exist</source>
        <translation>ihr Ordner „%1“ existiert nicht</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>it is a folder, not a project file</source>
        <translation>das ist ein Ordner, keine Projektdatei</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>the project is not open</source>
        <translation>das Projekt ist nicht geöffnet</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a blocking write was called on the writer thread (from a DocumentWriteStep?); it would wait for itself</source>
        <translation>ein blockierender Schreibvorgang wurde im Schreib-Thread aufgerufen (aus einem DocumentWriteStep?); er würde auf sich selbst warten</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>cannot save a copy as &quot;%1&quot;: the file exists</source>
        <translation>Kopie kann nicht als „%1“ gespeichert werden: die Datei existiert bereits</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>cannot update document &quot;%1&quot;</source>
        <translation>Dokument „%1“ kann nicht aktualisiert werden</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>cannot look up document &quot;%1&quot;</source>
        <translation>Dokument „%1“ kann nicht nachgeschlagen werden</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>cannot read the project&apos;s status</source>
        <translation>der Status des Projekts kann nicht gelesen werden</translation>
    </message>
    <message>
        <location line="-26"/>
        <location line="+54"/>
        <source>cannot list the documents</source>
        <translation>die Dokumente können nicht aufgelistet werden</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>cannot read the chunks of document %1</source>
        <translation>die Abschnitte von Dokument %1 können nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>cannot read the text of document %1</source>
        <translation>der Text von Dokument %1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>cannot list the entities</source>
        <translation>die Entitäten können nicht aufgelistet werden</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>cannot list the relations</source>
        <translation>die Beziehungen können nicht aufgelistet werden</translation>
    </message>
</context>
<context>
    <name>gw::RelationTableModel</name>
    <message>
        <location filename="../src/gui/relationtablemodel.cpp" line="+63"/>
        <source>by hand: %1</source>
        <translation>von Hand: %1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Relation</source>
        <translation>Beziehung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Evidence document</source>
        <translation>Belegdokument</translation>
    </message>
</context>
<context>
    <name>gw::RemoteCostEstimator</name>
    <message>
        <location filename="../src/pipeline/remotecostestimator.cpp" line="+34"/>
        <source>no reader for this format</source>
        <translation>kein Leser für dieses Format</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the file is over the size limit</source>
        <translation>die Datei ist größer als die Grenze</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot open: %1</source>
        <translation>kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>≈ %1 calls, %2 prompt + %3 completion tokens</source>
        <translation>≈ %1 Aufrufe, %2 Prompt- + %3 Antwort-Tokens</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, ≈ %1 at the set prices</source>
        <translation>, ≈ %1 zu den eingestellten Preisen</translation>
    </message>
</context>
<context>
    <name>gw::RemoteExtractor</name>
    <message>
        <location filename="../src/extract/remoteextractor.cpp" line="+204"/>
        <source>%1 (model %2) gave an unusable answer: %3</source>
        <translation>%1 (Modell %2) hat eine unbrauchbare Antwort gegeben: %3</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>the remote token budget of %1 is spent (%2 tokens used)</source>
        <translation>das Token-Budget von %1 für den Remote-Extraktor ist aufgebraucht (%2 Tokens verbraucht)</translation>
    </message>
</context>
<context>
    <name>gw::ReviewQueueModel</name>
    <message numerus="yes">
        <location filename="../src/gui/reviewqueuemodel.cpp" line="+77"/>
        <source>Merge %1 (%n mentions) into %2</source>
        <translation>
            <numerusform>%1 (%n Erwähnung) mit %2 zusammenführen</numerusform>
            <numerusform>%1 (%n Erwähnungen) mit %2 zusammenführen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Merge</source>
        <translation>Zusammenführen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Into</source>
        <translation>In</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>gw::ReviewQueuePanel</name>
    <message>
        <location filename="../src/gui/reviewqueuepanel.cpp" line="+52"/>
        <source>&lt;p&gt;Not in the project any more.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Nicht mehr im Projekt.&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n mentions in %1 documents</source>
        <translation>
            <numerusform>%n Erwähnung in %1 Dokumenten</numerusform>
            <numerusform>%n Erwähnungen in %1 Dokumenten</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Written as:</source>
        <translation>Geschrieben als:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Related to:</source>
        <translation>Verbunden mit:</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Merge the left entity into the right one (A or Return; undo with Ctrl+Z)</source>
        <translation>Die linke Entität mit der rechten zusammenführen (A oder Eingabe; rückgängig mit Strg+Z)</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>&amp;Merge</source>
        <translation>&amp;Zusammenführen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The &amp;Other Way</source>
        <translation>&amp;Umgekehrt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Merge the right entity into the left one, whose name stays (Shift+A)</source>
        <translation>Die rechte Entität mit der linken zusammenführen, deren Name bleibt (Umschalt+A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Not the Same</source>
        <translation>&amp;Nicht dieselbe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>They are different: never propose this pair again (R or Delete)</source>
        <translation>Sie sind verschieden: dieses Paar nie wieder vorschlagen (R oder Entf)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Skip</source>
        <translation>Ü&amp;berspringen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decide later (S)</source>
        <translation>Später entscheiden (S)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Likely duplicates appear here when a project is open.</source>
        <translation>Wahrscheinliche Duplikate erscheinen hier, wenn ein Projekt offen ist.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>find likely duplicates</source>
        <translation>wahrscheinliche Duplikate suchen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot look for duplicates: %1</source>
        <translation>Duplikate können nicht gesucht werden: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No graph to review.</source>
        <translation>Kein Graph zu prüfen.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No likely duplicates left.</source>
        <translation>Keine wahrscheinlichen Duplikate mehr.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n likely duplicates, the surest first. A or Return merges the left one into the right one, Shift+A the other way round, R or Delete says they differ, S skips. Ctrl+Z undoes.</source>
        <translation>
            <numerusform>%n wahrscheinliches Duplikat, das sicherste zuerst. A oder Eingabe führt das linke mit dem rechten zusammen, Umschalt+A umgekehrt, R oder Entf sagt, dass sie verschieden sind, S überspringt. Strg+Z macht rückgängig.</numerusform>
            <numerusform>%n wahrscheinliche Duplikate, die sichersten zuerst. A oder Eingabe führt das linke mit dem rechten zusammen, Umschalt+A umgekehrt, R oder Entf sagt, dass sie verschieden sind, S überspringt. Strg+Z macht rückgängig.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Merge</source>
        <translation>Zusammenführen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Into</source>
        <translation>In</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Why:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Warum:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>&lt;p&gt;Reading…&lt;/p&gt;</source>
        <translation>&lt;p&gt;Wird gelesen…&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;p&gt;Cannot read the evidence: %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Belege können nicht gelesen werden: %1&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>gw::SqliteStatement</name>
    <message>
        <location filename="../src/store/sqlitestatement.cpp" line="+21"/>
        <source>the SQLite driver gives no native handle</source>
        <translation>der SQLite-Treiber liefert kein natives Handle</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot prepare a statement</source>
        <translation>eine Anweisung kann nicht vorbereitet werden</translation>
    </message>
</context>
<context>
    <name>gw::StatisticsDock</name>
    <message>
        <location filename="../src/gui/statisticsdock.cpp" line="+34"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>read</source>
        <comment>pipeline stage</comment>
        <translation>Lesen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>parse</source>
        <comment>pipeline stage</comment>
        <translation>Analyse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>chunk</source>
        <comment>pipeline stage</comment>
        <translation>Aufteilen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>extract</source>
        <comment>pipeline stage</comment>
        <translation>extrahieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>store</source>
        <comment>pipeline stage</comment>
        <translation>Speichern</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Workers busy:</source>
        <translation>Aktive Worker:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents being processed now / documents allowed at once</source>
        <translation>Gerade bearbeitete Dokumente / gleichzeitig erlaubte Dokumente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queued:</source>
        <translation>Wartend:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Documents waiting for a free worker</source>
        <translation>Dokumente, die auf einen freien Worker warten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peak busy:</source>
        <translation>Höchstens aktiv:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The most documents in flight at once in this job</source>
        <translation>Die meisten Dokumente, die in diesem Auftrag gleichzeitig in Arbeit waren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents:</source>
        <translation>Dokumente:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents finished per second, over the last second</source>
        <translation>Pro Sekunde abgeschlossene Dokumente, gemessen über die letzte Sekunde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data read:</source>
        <translation>Gelesene Daten:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Megabytes read per second, over the last second</source>
        <translation>Pro Sekunde gelesene Megabyte, gemessen über die letzte Sekunde</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Words:</source>
        <translation>Wörter:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Words stored per second, over the last second</source>
        <translation>Pro Sekunde gespeicherte Wörter, gemessen über die letzte Sekunde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parallelism:</source>
        <translation>Parallelität:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Effective parallelism: time spent in the read, parse, chunk and store stages divided by the wall time since the job started. 1.0 means one thing at a time.</source>
        <translation>Effektive Parallelität: die in den Phasen Lesen, Analyse, Aufteilen und Speichern verbrachte Zeit geteilt durch die seit dem Start des Auftrags vergangene Zeit. 1,0 bedeutet eins nach dem anderen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Window lag:</source>
        <translation>Fensterverzögerung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How late the window&apos;s event loop served a timer that fires every few milliseconds, since the start: below ~20 ms the window feels instant</source>
        <translation>Wie verspätet die Ereignisschleife des Fensters einen Timer bedient hat, der alle paar Millisekunden auslöst, seit dem Start: Unter ~20 ms reagiert das Fenster unmittelbar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last job:</source>
        <translation>Letzter Auftrag:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Estimated speedup of the last finished job against one worker: the sum of the documents&apos; processing times divided by the job&apos;s wall time</source>
        <translation>Geschätzte Beschleunigung des letzten abgeschlossenen Auftrags gegenüber einem einzelnen Worker: die Summe der Bearbeitungszeiten der Dokumente geteilt durch die Gesamtdauer des Auftrags</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remote:</source>
        <translation>Remote-Extraktor:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remote extraction: requests sent to the endpoint (retries included), chunks answered from the project&apos;s cache, chunks done by the built-in extractor instead, answers that did not follow the schema</source>
        <translation>Entfernte Extraktion: an den Endpunkt gesendete Anfragen (mit Wiederholungen), aus dem Cache des Projekts beantwortete Abschnitte, stattdessen vom eingebauten Extraktor bearbeitete Abschnitte, Antworten, die nicht dem Schema folgten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Prompt and completion tokens that the remote endpoint reported using, and what they cost at the prices set in Preferences</source>
        <translation>Prompt- und Antwort-Tokens, die der entfernte Endpunkt gemeldet hat, und was sie zu den in den Einstellungen gesetzten Preisen kosten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Estimate:</source>
        <translation>Schätzung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remote extraction of the documents added, estimated from their chunks before the requests: calls, tokens (about four characters each) and cost</source>
        <translation>Entfernte Extraktion der hinzugefügten Dokumente, vor den Anfragen aus ihren Abschnitten geschätzt: Aufrufe, Tokens (je etwa vier Zeichen) und Kosten</translation>
    </message>
    <message>
        <location line="+249"/>
        <source>%1 requests · %2 cached · %3 fallbacks · %4 invalid</source>
        <translation>%1 Anfragen · %2 aus dem Cache · %3 Ausweichfälle · %4 ungültig</translation>
    </message>
    <message>
        <location line="-253"/>
        <source>Tokens:</source>
        <translation>Tokens:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>MB/s read</source>
        <translation>MB/s gelesen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>workers busy</source>
        <translation>aktive Worker</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>MB/s</source>
        <translation>MB/s</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>workers</source>
        <translation>Worker</translation>
    </message>
    <message>
        <location line="+158"/>
        <location line="+2"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>%1 /s</source>
        <translation>%1 /s</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>%1 MB/s</source>
        <translation>%1 MB/s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1× (stage time ÷ wall time)</source>
        <translation>%1× (Phasenzeit ÷ Gesamtzeit)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>≈ %1× vs one worker (est.)</source>
        <translation>≈ %1× ggü. einem Worker (geschätzt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no finished job yet</source>
        <translation>noch kein abgeschlossener Auftrag</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 prompt + %2 completion</source>
        <translation>%1 Prompt + %2 Antwort</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> · cost %1</source>
        <translation> · Kosten %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>p99 %1 · max %2</source>
        <translation>p99 %1 · max. %2</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>%1 running, %2 waiting, %3 failed</source>
        <translation>%1 in Arbeit, %2 wartend, %3 fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>gw::StoreError</name>
    <message>
        <location filename="../src/store/storeerror.cpp" line="+13"/>
        <source>Project file &quot;%1&quot;: %2</source>
        <translation>Projektdatei „%1“: %2</translation>
    </message>
</context>
<context>
    <name>gw::TableImporter</name>
    <message>
        <location filename="../src/graph/tableimporter.cpp" line="+191"/>
        <source>unknown entity type &quot;%1&quot;, imported as %2</source>
        <translation>unbekannter Entitätstyp „%1“, importiert als %2</translation>
    </message>
    <message>
        <location line="+58"/>
        <location line="+36"/>
        <source>cannot import &quot;%1&quot;: %2</source>
        <translation>„%1“ kann nicht importiert werden: %2</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>it is a folder, not a CSV file</source>
        <translation>es ist ein Ordner, keine CSV-Datei</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the file is empty</source>
        <translation>die Datei ist leer</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>it is a binary file, not a CSV table</source>
        <translation>es ist eine Binärdatei, keine CSV-Tabelle</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>it is not UTF-8 text (save it as UTF-8 and import it again)</source>
        <translation>es ist kein UTF-8-Text (speichern Sie sie als UTF-8 und importieren Sie sie erneut)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+55"/>
        <source>the file holds no rows</source>
        <translation>die Datei enthält keine Zeilen</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>the file has a header but no data rows</source>
        <translation>die Datei hat eine Kopfzeile, aber keine Datenzeilen</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>a quoted cell is never closed (the rest of the file was read as this row)</source>
        <translation>eine Zelle in Anführungszeichen wird nie geschlossen (der Rest der Datei wurde als diese Zeile gelesen)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no name</source>
        <translation>kein Name</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>no source</source>
        <translation>keine Quelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no target</source>
        <translation>kein Ziel</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the weight &quot;%1&quot; is not a number</source>
        <translation>das Gewicht „%1“ ist keine Zahl</translation>
    </message>
</context>
<context>
    <name>gw::TextFormatParser</name>
    <message>
        <location filename="../src/ingest/textformatparser.cpp" line="+51"/>
        <source>the file is larger than the limit of %1 bytes</source>
        <translation>die Datei ist größer als die Grenze von %1 Bytes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>binary content, not text</source>
        <translation>binärer Inhalt, kein Text</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the text is longer than the limit of %1 characters; split the document or raise the limit</source>
        <translation>der Text ist länger als die Grenze von %1 Zeichen; teilen Sie das Dokument auf oder erhöhen Sie die Grenze</translation>
    </message>
</context>
<context>
    <name>gw::UnsavedDocumentsNotice</name>
    <message>
        <location filename="../src/gui/unsaveddocumentsnotice.cpp" line="+60"/>
        <source>The Disk Is Full</source>
        <translation>Der Datenträger ist voll</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The disk that holds the project %1 is full: it has no room for %2 of the documents.</source>
        <translation>Der Datenträger, auf dem das Projekt %1 liegt, ist voll: Für %2 der Dokumente ist dort kein Platz mehr.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Free some space on that disk, or save the project elsewhere (File → Save Project As), then retry the failed documents in Jobs.</source>
        <translation>Geben Sie auf diesem Datenträger Platz frei oder speichern Sie das Projekt an einem anderen Ort (Datei → Projekt speichern unter), und wiederholen Sie dann die fehlgeschlagenen Dokumente unter „Aufträge“.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Documents Not Saved</source>
        <translation>Dokumente nicht gespeichert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The project %1 could not save %2 of the documents.</source>
        <translation>Das Projekt %1 konnte %2 der Dokumente nicht speichern.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The reason is in the details; once it is fixed, retry the failed documents in Jobs.</source>
        <translation>Der Grund steht in den Details; sobald er behoben ist, wiederholen Sie die fehlgeschlagenen Dokumente unter „Aufträge“.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The documents finished before (%1) are kept in the project.</source>
        <translation>Die zuvor fertiggestellten Dokumente (%1) bleiben im Projekt erhalten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason: %1</source>
        <translation>Grund: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not saved:</source>
        <translation>Nicht gespeichert:</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weiteres</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gw::VocabularyFile</name>
    <message>
        <location filename="../src/graph/vocabularyfile.cpp" line="+64"/>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the name is blank</source>
        <translation>der Name ist leer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown type &quot;%1&quot; (PERSON, ORGANIZATION, LOCATION or MISC)</source>
        <translation>unbekannter Typ „%1“ (PERSON, ORGANIZATION, LOCATION oder MISC)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a name or alias is longer than %1 words</source>
        <translation>ein Name oder Alias ist länger als %1 Wörter</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cannot import &quot;%1&quot;: %2</source>
        <translation>„%1“ kann nicht importiert werden: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (and %1 more lines)</source>
        <translation> (und %1 weitere Zeilen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>. Each row is name,type[,aliases]; nothing was imported.</source>
        <translation>. Jede Zeile ist name,type[,aliases]; nichts wurde importiert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot import &quot;%1&quot;: the file holds no names</source>
        <translation>„%1“ kann nicht importiert werden: die Datei enthält keine Namen</translation>
    </message>
</context>
<context>
    <name>gw::VocabularyTable</name>
    <message>
        <location filename="../src/store/vocabularytable.cpp" line="+17"/>
        <source>cannot read the vocabulary</source>
        <translation>das Vokabular kann nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot write the vocabulary</source>
        <translation>das Vokabular kann nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>gw::XmlTextExtractor</name>
    <message>
        <location filename="../src/ingest/xmltextextractor.cpp" line="+46"/>
        <source>XML nested deeper than %1 levels in %2 (line %3)</source>
        <translation>XML in %2 tiefer als %1 Ebenen verschachtelt (Zeile %3)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 is not well-formed XML (line %2, column %3: %4)</source>
        <translation>%1 ist kein wohlgeformtes XML (Zeile %2, Spalte %3: %4)</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>the text of %1 is longer than the limit of %2 characters</source>
        <translation>der Text von %1 ist länger als die Grenze von %2 Zeichen</translation>
    </message>
</context>
<context>
    <name>gw::ZipArchive</name>
    <message>
        <location filename="../src/ingest/ziparchive.cpp" line="+25"/>
        <source>no ZIP directory found</source>
        <translation>kein ZIP-Verzeichnis gefunden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>checksum mismatch</source>
        <translation>Prüfsumme stimmt nicht überein</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>read error</source>
        <translation>Lesefehler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>internal ZIP error</source>
        <translation>interner ZIP-Fehler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ZIP error %1</source>
        <translation>ZIP-Fehler %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+6"/>
        <source>not a valid ZIP container (%1)</source>
        <translation>kein gültiger ZIP-Container (%1)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>decompressed content exceeds the limit of %1 MB (zip bomb?)</source>
        <translation>der entpackte Inhalt überschreitet die Grenze von %1 MB (ZIP-Bombe?)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>missing %1</source>
        <translation>%1 fehlt</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+27"/>
        <location line="+25"/>
        <source>damaged entry %1 (%2)</source>
        <translation>beschädigter Eintrag %1 (%2)</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>%1 inside the container is password-protected; save an unprotected copy and add that</source>
        <translation>%1 im Container ist passwortgeschützt; speichern Sie eine ungeschützte Kopie und fügen Sie diese hinzu</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 inside the container is larger than %2 bytes</source>
        <translation>%1 im Container ist größer als %2 Bytes</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../src/app/main.cpp" line="+78"/>
        <source>Graphwright: drop documents, get one knowledge graph. Paths given are ingested into the project.</source>
        <translation>Graphwright: Dokumente ablegen, einen Wissensgraphen erhalten. Angegebene Pfade werden in das Projekt eingelesen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Project file to open (created when missing).</source>
        <translation>Zu öffnende Projektdatei (wird angelegt, wenn sie fehlt).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A file or folder to ingest (repeatable).</source>
        <translation>Eine Datei oder ein Ordner zum Einlesen (mehrfach möglich).</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>PATH</source>
        <translation>PFAD</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Quit when the ingestion is done.</source>
        <translation>Beenden, sobald das Einlesen abgeschlossen ist.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --exit-when-done: print event-loop lag and totals as JSON.</source>
        <translation>Mit --exit-when-done: Verzögerung der Ereignisschleife und Summen als JSON ausgeben.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Files or folders to ingest.</source>
        <translation>Einzulesende Dateien oder Ordner.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>[PATH...]</source>
        <translation>[PFAD...]</translation>
    </message>
</context>
</TS>
