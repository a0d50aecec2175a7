package org.mskrules.core;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.drools.compiler.kie.builder.impl.AbstractKieModule;
import org.drools.model.Model;
import org.drools.modelcompiler.CanonicalKiePackages;
import org.drools.modelcompiler.KieBaseBuilder;
import org.drools.modelcompiler.KiePackagesBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.model.KieBaseModel;
import org.kie.api.conf.BetaRangeIndexOption;
import org.kie.api.conf.DeclarativeAgendaOption;
import org.kie.api.conf.EqualityBehaviorOption;
import org.kie.api.conf.EventProcessingOption;
import org.kie.api.conf.KieBaseMutabilityOption;
import org.kie.api.conf.PrototypesOption;
import org.kie.api.conf.SequentialOption;
import org.kie.api.conf.SessionsPoolOption;
import org.kie.internal.builder.KnowledgeBuilderConfiguration;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Knowledge bases built straight from the executable model's generated classes (issue 20), as
 * Drools' class-path container would build them but without it: the container reads the whole jar
 * that holds {@code kmodule.xml} into memory (in the command line's executable jar, everything),
 * parses {@code kmodule.xml} with XStream and instantiates the model classes of every kbase in it;
 * this reads {@code kmodule.xml} with the JDK's parser, the kjar's {@code drools-model} listing of
 * its model classes, and instantiates only the classes of the kbase asked for.
 *
 * <p>The kbase is configured exactly as Drools 10.2's {@code CanonicalKieModule} configures it for a
 * container's {@code getKieBase(name)}: a default configuration on the class loader with the kbase's
 * equality behaviour, event processing mode, declarative agenda, sequential and mutability options,
 * a builder configuration with its prototypes option, and the models of its packages in the order
 * the kbase lists them. Only a {@code kmodule.xml} whose every part has that meaning is read this way
 * ({@link #read} refuses anything else, and the registry then falls back to the container): kbases
 * with the attributes of {@link #KBASE_ATTRIBUTES} and {@code ksession} elements (sessions are made
 * from the kbase, so they change nothing here), no {@code includes}, no wildcard packages, no module
 * {@code configuration},
 * on a {@code file:} or {@code jar:} class-path entry with exactly one {@code drools-model} listing
 * and no generated {@code ProjectModel}.
 *
 * <p>Thread-safe: immutable after {@link #read}; each {@link #kieBase} call builds a new kbase.
 */
final class ExecutableModelKieBases implements KieBaseSource {
    static final String KMODULE = "META-INF/kmodule.xml";
    /** Where kie-maven-plugin lists a kjar's model classes: {@code META-INF/kie/GROUP/ARTIFACT/drools-model}. */
    private static final String MODEL_FOLDER = "META-INF/kie/";
    private static final String MODEL_FILE = "drools-model";
    private static final String MODEL_VERSION = "Drools-Model-Version:";
    /** Present only when the model was generated with a project descriptor, which Drools then reads instead. */
    private static final String PROJECT_MODEL_FOLDER = "org/drools/project/model/";
    /**
     * The kbase attributes whose meaning {@link #kieBaseModel} reproduces; any other means the container.
     * {@code sessionsPool} and {@code betaRangeIndex} are read (a bad value is Drools' error) but, as
     * in the container's {@code getKieBase}, do not reach the kbase.
     */
    private static final Set<String> KBASE_ATTRIBUTES = Set.of("name", "packages", "default", "scope",
            "eventProcessingMode", "equalsBehavior", "declarativeAgenda", "sequential", "mutability", "prototypes",
            "sessionsPool", "betaRangeIndex");

    private final ClassLoader classLoader;
    /** kbase name to its declaration, sorted by name. */
    private final Map<String, Declared> kbases;

    /** One kbase of one {@code kmodule.xml}, with the model classes its class-path entry lists. */
    private record Declared(KieBaseModel model, URL kmodule, List<String> modelClasses) {
    }

    /** Why a class path cannot be read this way; the registry then uses Drools' container. */
    static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported(String message) {
            super(message);
        }

        Unsupported(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private ExecutableModelKieBases(ClassLoader classLoader, Map<String, Declared> kbases) {
        this.classLoader = classLoader;
        this.kbases = kbases;
    }

    /**
     * The kbases of every {@code kmodule.xml} that {@code classLoader} sees.
     *
     * @throws Unsupported if one of them, or the class-path entry holding it, is not of the form
     *                     described in the class comment
     */
    static ExecutableModelKieBases read(ClassLoader classLoader) throws Unsupported {
        Set<URL> kmodules;
        try {
            kmodules = new LinkedHashSet<>(Collections.list(classLoader.getResources(KMODULE)));
        } catch (IOException e) {
            throw new Unsupported("cannot list [" + KMODULE + "]: " + e.getMessage(), e);
        }
        if (kmodules.isEmpty()) {
            throw new Unsupported("no [" + KMODULE + "] on the class path");
        }
        Map<String, Declared> kbases = new TreeMap<>();
        for (URL kmodule : kmodules) {
            List<String> modelClasses = modelClasses(kmodule);
            for (KieBaseModel model : kieBaseModels(kmodule)) {
                Declared previous = kbases.putIfAbsent(model.getName(), new Declared(model, kmodule, modelClasses));
                if (previous != null) {
                    throw new Unsupported("kbase [" + model.getName() + "] is declared in both [" + previous.kmodule()
                            + "] and [" + kmodule + "]");
                }
            }
        }
        return new ExecutableModelKieBases(classLoader, Collections.unmodifiableMap(kbases));
    }

    @Override
    public Collection<String> kieBaseNames() {
        return kbases.keySet();
    }

    @Override
    public KieBase kieBase(String name) {
        Declared declared = kbases.get(name);
        if (declared == null) {
            throw new IllegalArgumentException("kbase [" + name + "] is not declared; declared: " + kbases.keySet());
        }
        KieBaseModel model = declared.model();
        // As CanonicalKieModule's getKnowledgeBaseConfiguration and AbstractKieModule's createBuilderConfiguration.
        KieBaseConfiguration conf = KieServices.get().newKieBaseConfiguration(null, classLoader);
        conf.setOption(model.getEqualsBehavior());
        conf.setOption(model.getEventProcessingMode());
        conf.setOption(model.getDeclarativeAgenda());
        conf.setOption(model.getSequential());
        conf.setOption(model.getMutability());
        KnowledgeBuilderConfiguration builderConf = KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(classLoader);
        if (model.getPrototypes() != null) {
            builderConf.setProperty("drools.prototypes", model.getPrototypes().toString());
        }
        CanonicalKiePackages packages = new KiePackagesBuilder(conf, builderConf, models(declared)).build();
        AbstractKieModule.checkStreamMode(model, conf, packages.getKiePackages());
        return new KieBaseBuilder(model, conf).createKieBase(packages);
    }

    /**
     * The models of the kbase's packages, in the order it lists them (all the entry's models when it
     * lists none, or lists {@code *}), as CanonicalKieModule's getModelForKBase chooses them; only
     * those classes are instantiated. A model is named after its package, and a generated model class
     * lives in that package, which is how one is chosen before it is made; checked after.
     */
    private List<Model> models(Declared declared) {
        // Package to class, the later listed winning, as Drools' map of models by name does.
        Map<String, String> classByPackage = new HashMap<>();
        for (String className : declared.modelClasses()) {
            int dot = className.lastIndexOf('.');
            classByPackage.put(dot < 0 ? "" : className.substring(0, dot), className);
        }
        List<String> packages = declared.model().getPackages();
        Collection<String> chosen;
        if (packages.isEmpty() || packages.contains("*")) {
            chosen = classByPackage.keySet();
        } else {
            chosen = packages.stream().filter(classByPackage::containsKey).toList();
        }
        List<Model> models = new ArrayList<>();
        for (String pkg : chosen) {
            String className = classByPackage.get(pkg);
            Model model;
            try {
                model = (Model) classLoader.loadClass(className).getConstructor().newInstance();
            } catch (ReflectiveOperationException | ClassCastException e) {
                throw new IllegalStateException("cannot make the model class [" + className + "] listed in the"
                        + " drools-model file beside [" + declared.kmodule() + "]: " + e, e);
            }
            if (!pkg.equals(model.getName())) {
                throw new IllegalStateException("the model class [" + className + "] is named [" + model.getName()
                        + "], not after its package [" + pkg + "]");
            }
            models.add(model);
        }
        return models;
    }

    /** The kbases {@code kmodule} declares, as Drools' KBaseConverter reads them. */
    private static List<KieBaseModel> kieBaseModels(URL kmodule) throws Unsupported {
        Element root;
        try (InputStream in = kmodule.openStream()) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            root = factory.newDocumentBuilder().parse(in).getDocumentElement();
        } catch (IOException | SAXException | ParserConfigurationException e) {
            throw new Unsupported("cannot read [" + kmodule + "]: " + e.getMessage(), e);
        }
        if (!"kmodule".equals(root.getLocalName())) {
            throw new Unsupported("[" + kmodule + "] is not a kmodule");
        }
        org.kie.api.builder.model.KieModuleModel module = KieServices.get().newKieModuleModel();
        List<KieBaseModel> models = new ArrayList<>();
        for (Element kbase : children(root)) {
            if (!"kbase".equals(kbase.getLocalName())) {
                throw new Unsupported("[" + kmodule + "] has a <" + kbase.getTagName() + "> element");
            }
            models.add(kieBaseModel(module, kbase, kmodule));
        }
        return models;
    }

    private static KieBaseModel kieBaseModel(org.kie.api.builder.model.KieModuleModel module, Element kbase, URL kmodule)
            throws Unsupported {
        Map<String, String> attributes = new LinkedHashMap<>();
        NamedNodeMap all = kbase.getAttributes();
        for (int i = 0; i < all.getLength(); i++) {
            Attr attribute = (Attr) all.item(i);
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())) {
                continue;
            }
            if (attribute.getNamespaceURI() != null || !KBASE_ATTRIBUTES.contains(attribute.getLocalName())) {
                throw new Unsupported("kbase attribute [" + attribute.getName() + "] in [" + kmodule + "]");
            }
            attributes.put(attribute.getLocalName(), attribute.getValue());
        }
        String name = attributes.get("name");
        if (name == null || name.isEmpty()) {
            throw new Unsupported("a kbase without a name in [" + kmodule + "]");
        }
        for (Element child : children(kbase)) {
            if (!"ksession".equals(child.getLocalName())) {
                throw new Unsupported("kbase [" + name + "] has a <" + child.getTagName() + "> element");
            }
        }
        KieBaseModel model = module.newKieBaseModel(name);
        try {
            model.setDefault("true".equals(attributes.get("default")));
            String value;
            if ((value = attributes.get("eventProcessingMode")) != null) {
                model.setEventProcessingMode(EventProcessingOption.determineEventProcessingMode(value));
            }
            if ((value = attributes.get("equalsBehavior")) != null) {
                model.setEqualsBehavior(EqualityBehaviorOption.determineEqualityBehavior(value));
            }
            if ((value = attributes.get("mutability")) != null) {
                model.setMutability(KieBaseMutabilityOption.determineMutability(value));
            }
            if ((value = attributes.get("declarativeAgenda")) != null) {
                model.setDeclarativeAgenda(DeclarativeAgendaOption.determineDeclarativeAgenda(value));
            }
            if ((value = attributes.get("sequential")) != null) {
                model.setSequential(SequentialOption.determineSequential(value));
            }
            if ((value = attributes.get("prototypes")) != null) {
                model.setPrototypes(PrototypesOption.determinePrototypesOption(value));
            }
            if ((value = attributes.get("sessionsPool")) != null) {
                model.setSessionsPool(SessionsPoolOption.get(Integer.parseInt(value)));
            }
            if ((value = attributes.get("betaRangeIndex")) != null) {
                model.setBetaRangeIndexOption(BetaRangeIndexOption.determineBetaRangeIndex(value));
            }
            if ((value = attributes.get("scope")) != null) {
                model.setScope(value.trim());
            }
        } catch (RuntimeException e) {
            throw new Unsupported("kbase [" + name + "] in [" + kmodule + "]: " + e.getMessage(), e);
        }
        String packages = attributes.get("packages");
        if (packages != null) {
            for (String pkg : packages.split(",")) {
                String trimmed = pkg.trim();
                if (trimmed.contains("*") && !trimmed.equals("*")) {
                    throw new Unsupported("kbase [" + name + "] has the wildcard package [" + trimmed + "]");
                }
                model.addPackage(trimmed);
            }
        }
        return model;
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node.getNodeType() == Node.ELEMENT_NODE) {
                elements.add((Element) node);
            }
        }
        return elements;
    }

    /**
     * The model classes listed in the one {@code drools-model} file of the class-path entry that holds
     * {@code kmodule}, a directory or a jar (also one nested in another, as in a Spring Boot fat jar:
     * its {@code jar:} URLs open the nested jar).
     */
    private static List<String> modelClasses(URL kmodule) throws Unsupported {
        List<String> files = new ArrayList<>();
        String text;
        try {
            switch (kmodule.getProtocol()) {
                case "file" -> {
                    Path root = Path.of(kmodule.toURI()).getParent().getParent();
                    Path projectModel = root.resolve(PROJECT_MODEL_FOLDER);
                    if (Files.isDirectory(projectModel)) {
                        try (Stream<Path> paths = Files.walk(projectModel)) {
                            if (paths.anyMatch(Files::isRegularFile)) {
                                throw new Unsupported("[" + root + "] holds a generated project model");
                            }
                        }
                    }
                    Path folder = root.resolve(MODEL_FOLDER);
                    List<Path> found = new ArrayList<>();
                    if (Files.isDirectory(folder)) {
                        try (Stream<Path> paths = Files.find(folder, 3, (path, attributes) -> attributes.isRegularFile()
                                && folder.relativize(path).getNameCount() == 3
                                && path.getFileName().toString().equals(MODEL_FILE))) {
                            paths.forEach(found::add);
                        }
                    }
                    found.forEach(path -> files.add(path.toString()));
                    text = found.size() == 1 ? Files.readString(found.get(0), StandardCharsets.UTF_8) : null;
                }
                case "jar" -> {
                    JarURLConnection connection = (JarURLConnection) kmodule.openConnection();
                    String entry = connection.getEntryName();
                    if (entry == null || !entry.endsWith(KMODULE)) {
                        throw new Unsupported("cannot find the class-path entry of [" + kmodule + "]");
                    }
                    String prefix = entry.substring(0, entry.length() - KMODULE.length());
                    // A private copy, so that closing it cannot close a jar that someone else shares.
                    connection.setUseCaches(false);
                    JarEntry model = null;
                    try (JarFile jar = connection.getJarFile()) {
                        for (JarEntry e : Collections.list(jar.entries())) {
                            String name = e.getName();
                            if (!name.startsWith(prefix)) {
                                continue;
                            }
                            String local = name.substring(prefix.length());
                            if (!e.isDirectory() && local.startsWith(PROJECT_MODEL_FOLDER)) {
                                throw new Unsupported("[" + kmodule + "] is beside a generated project model");
                            }
                            if (!e.isDirectory() && local.startsWith(MODEL_FOLDER) && local.endsWith("/" + MODEL_FILE)
                                    && local.split("/").length == 5) {
                                files.add(name);
                                model = e;
                            }
                        }
                        text = null;
                        if (files.size() == 1) {
                            try (InputStream in = jar.getInputStream(model)) {
                                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                            }
                        }
                    }
                }
                default -> throw new Unsupported("[" + kmodule + "] is neither in a directory nor in a jar");
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            throw new Unsupported("cannot look for the executable model beside [" + kmodule + "]: " + e, e);
        }
        if (files.size() != 1) {
            throw new Unsupported(files.isEmpty() ? "no executable model (drools-model file) beside [" + kmodule + "]"
                    : "several drools-model files beside [" + kmodule + "]: " + files);
        }
        String[] lines = text.split("\n");
        if (!lines[0].startsWith(MODEL_VERSION)) {
            throw new Unsupported("malformed drools-model file " + files);
        }
        List<String> classes = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.isEmpty()) {
                classes.add(line);
            }
        }
        return List.copyOf(classes);
    }
}
