"""What the gazetteer generators share: the extractor's key folding, the committed lists, the
spelling dictionary and Faker's name lists (Debian's python3-fake-factory)."""
import ast
import ctypes
import glob
import os
import re
import unicodedata

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "gazetteers")
FAKER = "/usr/lib/python3/dist-packages/faker/providers/person"
DICTIONARY = "/usr/share/dict/american-english"
GEONAMES = "libgeonames.so.0"
WORDNET = "/usr/share/wordnet/data.noun"  # wordnet-base
WORDNET_ADJECTIVES = "/usr/share/wordnet/data.adj"

# Every hand-made and generated list but the towns of the world.
LISTS = ("given-names.txt", "given-names-world.txt", "stopwords.txt", "org-heads.txt", "person-titles.txt",
         "languages.txt", "location-heads.txt", "software-names.txt", "code-words.txt", "org-suffixes.txt",
         "countries.txt", "subdivisions.txt", "cities.txt")


def fold(s):
    """As the extractor's keys: without diacritics, case-folded ("Savé" is "save")."""
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).casefold()


def listed(filename):
    with open(os.path.join(OUT, filename), encoding="utf-8") as f:
        return {fold(line.strip()) for line in f if line.strip() and not line.startswith("#")}


def known_words(filenames=LISTS):
    known = set()
    for filename in filenames:
        known |= listed(filename)
    return known


def lower_case_words():
    """The words the spelling dictionary lists in lower case, folded."""
    with open(DICTIONARY, encoding="utf-8") as f:
        return {fold(w.strip()) for w in f if w[:1].islower()}


def faker_names(variable_prefix, locales="*"):
    """The strings assigned to Faker's person-provider variables named variable_prefix* (for example
    "first_names", "last_names"), in the locales matching the glob."""
    names = set()
    for path in glob.glob(FAKER + "/" + locales + "/__init__.py"):
        with open(path, encoding="utf-8") as f:
            tree = ast.parse(f.read())
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign) and any(
                    isinstance(t, ast.Name) and t.id.startswith(variable_prefix) for t in node.targets):
                names |= {c.value for c in ast.walk(node.value)
                          if isinstance(c, ast.Constant) and isinstance(c.value, str)}
    return names


def cities():
    """(name, population) of every city in the GeoNames data compiled into libgeonames0."""
    lib = ctypes.CDLL(GEONAMES)
    lib.geonames_get_n_cities.restype = ctypes.c_int
    lib.geonames_get_city.restype = ctypes.c_void_p
    lib.geonames_get_city.argtypes = [ctypes.c_int]
    lib.geonames_city_get_name.restype = ctypes.c_char_p
    lib.geonames_city_get_name.argtypes = [ctypes.c_void_p]
    lib.geonames_city_get_population.restype = ctypes.c_uint
    lib.geonames_city_get_population.argtypes = [ctypes.c_void_p]
    lib.geonames_city_free.argtypes = [ctypes.c_void_p]
    for i in range(lib.geonames_get_n_cities()):
        city = lib.geonames_get_city(i)
        yield lib.geonames_city_get_name(city).decode("utf-8"), lib.geonames_city_get_population(city)
        lib.geonames_city_free(city)


def wordnet_synsets():
    """WordNet's noun synsets: offset -> (words, offsets of their hypernyms and instance hypernyms)."""
    synsets = {}
    with open(WORDNET, encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            fields = line.split(" ")
            count = int(fields[3], 16)
            words = [fields[4 + 2 * i] for i in range(count)]
            p = 4 + 2 * count
            hypernyms = [fields[p + 2 + 4 * i] for i in range(int(fields[p]))
                         if fields[p + 1 + 4 * i] in ("@", "@i") and fields[p + 3 + 4 * i] == "n"]
            synsets[fields[0]] = (words, hypernyms)
    return synsets


def wordnet_ancestors(synsets, offset, seen=None):
    seen = set() if seen is None else seen
    for h in synsets[offset][1]:
        if h not in seen:
            seen.add(h)
            wordnet_ancestors(synsets, h, seen)
    return seen


def wordnet_capitalised_adjectives():
    """"European", "Swiss": WordNet's adjectives written with a capital."""
    names = set()
    with open(WORDNET_ADJECTIVES, encoding="latin-1") as f:
        for line in f:
            if not line.startswith("  "):
                fields = line.split(" ")
                names |= {re.sub(r"\(.*\)$", "", fields[4 + 2 * i]).replace("_", " ")
                          for i in range(int(fields[3], 16)) if fields[4 + 2 * i][:1].isupper()}
    return names
