// Keeps the files of the kind asked for (-Dkind=endpoint|llm|storage-jobs) and removes the others'.
import java.nio.file.Files
import java.nio.file.Path

def properties = request.properties
def kind = properties.get('kind') ?: 'endpoint'
def project = Path.of(request.outputDirectory, request.artifactId)
def packagePath = properties.get('package').replace('.', '/')
def files = [
    'endpoint'    : ['src/main/java/PKG/GreetingResource.java', 'src/main/java/PKG/GreetingTasks.java',
                     'src/main/java/PKG/Greeter.java', 'src/test/java/PKG/GreeterTest.java',
                     'src/test/java/PKG/GreetingIT.java', 'src/main/resources/templates/greeting.yaml'],
    'llm'         : ['src/main/java/PKG/AskResource.java', 'src/main/java/PKG/AskTasks.java',
                     'src/main/java/PKG/Advisor.java', 'src/test/java/PKG/AdvisorTest.java',
                     'src/test/java/PKG/AskIT.java', 'src/main/resources/templates/answer.yaml'],
    'storage-jobs': ['src/main/java/PKG/Note.java', 'src/main/java/PKG/NotesResource.java',
                     'src/main/java/PKG/NotesTasks.java', 'src/main/java/PKG/NoteStore.java',
                     'src/main/java/PKG/NoteSummaryJob.java', 'src/main/java/PKG/NoteSummary.java',
                     'src/test/java/PKG/NoteSummaryTest.java', 'src/test/java/PKG/NotesIT.java',
                     'src/main/resources/templates/summary.yaml'],
]
if (!files.containsKey(kind)) {
    throw new IllegalArgumentException("kind '" + kind + "' is not a kind of plugin (allowed: " + files.keySet().join(', ') + ")")
}
files.findAll { it.key != kind }.each { other, paths ->
    paths.each { Files.deleteIfExists(project.resolve(it.replace('PKG', packagePath))) }
}
