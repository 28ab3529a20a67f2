#!/usr/bin/env python3
"""Lists the public declarations of the named modules that the facade does not expose (issue 13:
`public` only for what PolsoKit's public API returns or takes). Run from the package root after
`swift build` (the script extracts the package's symbol graphs from the built modules with
`swift symbolgraph-extract`; `swift package dump-symbol-graph` fails on the test discovery module
of a clean clone):

    python3 .ci/public-surface.py [--strict] [--why] MODULE…

What the facade exposes is a closure over the symbol graphs: every public symbol of PolsoKit; the
types its declarations name; of each such type the members a caller reads (properties, enum cases,
nested types, protocol witnesses, static constants of the type itself such as `NodeKind.body`)
and, for the types a caller passes in (named by a parameter of a PolsoKit function or by a
settable property of a PolsoKit type that has a public initializer), its initializers and static
properties; and so on. Any other public declaration of the named modules is printed as
`file:line kind name` (`--why` adds the chain that reached a symbol when listing with `--inside`);
`--strict` exits 1 when there is one. The facade's results render through `Rendered` (module
`Reports`): the rendering methods of `Rendered` and of the `TextTable`s it hands out (`render…`,
`tables()`) count as exposed, with what they name (`OutputFormat`); no other method does.
"""
import collections
import json
import pathlib
import shutil
import subprocess
import sys

args = [a for a in sys.argv[1:] if not a.startswith("--")]
if not args:
    sys.exit(__doc__)


def extract_graphs():
    """The public symbol graphs of the package's Swift modules, in .build/public-symbolgraph."""
    build = pathlib.Path(".build")
    modules = build / "debug" / "Modules"
    if not modules.is_dir():
        sys.exit("no .build/debug/Modules: run `swift build` first")
    out = build / "public-symbolgraph"
    if out.exists():
        shutil.rmtree(out)
    out.mkdir()
    # The C modules the Swift modules import: the package's own system-library targets, the
    # dependencies' C targets (their module maps in checkouts and in the build folder).
    maps = {p.parent for p in pathlib.Path("Sources").glob("*/module.modulemap")}
    maps |= {p.parent for p in (build / "checkouts").rglob("module.modulemap")}
    maps |= {p.parent for p in build.glob("*/debug/*.build/module.modulemap")}
    includes = [flag for folder in sorted(maps) for flag in ("-I", str(folder))]
    triple = subprocess.run(["swift", "-print-target-info"], capture_output=True, text=True, check=True)
    target = json.loads(triple.stdout)["target"]["triple"]
    for source in sorted(pathlib.Path("Sources").iterdir()):
        if not any(source.rglob("*.swift")) or not (modules / f"{source.name}.swiftmodule").exists():
            continue
        subprocess.run(["swift", "symbolgraph-extract", "-module-name", source.name, "-target", target,
                        "-I", str(modules), *includes, "-minimum-access-level", "public",
                        "-output-dir", str(out)], check=True)
    return out


graphdir = extract_graphs()

symbols, members, supertypes = {}, collections.defaultdict(set), collections.defaultdict(set)
for path in graphdir.glob("*.symbols.json"):
    graph = json.loads(path.read_text())
    module = path.name.split(".")[0].split("@")[0]  # the extending module for Module@Other
    for symbol in graph["symbols"]:
        symbol["module"] = module
        symbols[symbol["identifier"]["precise"]] = symbol
    for relation in graph["relationships"]:
        if relation["kind"] == "memberOf":
            members[relation["target"]].add(relation["source"])
        elif relation["kind"] == "inheritsFrom":
            supertypes[relation["source"]].add(relation["target"])

# A module with no public declaration at all still has its (empty) graph: it is known, with nothing to list.
unknown = sorted(set(args) - {path.name.split(".")[0].split("@")[0] for path in graphdir.glob("*.symbols.json")})
if unknown:
    sys.exit(f"no module {', '.join(unknown)} among the package's symbol graphs: name modules (e.g. Statistics), not folders")

WITNESSES = {"init(from:)", "encode(to:)", "description", "hash(into:)", "==(_:_:)", "<(_:_:)", "rawValue",
             "init(rawValue:)", "id", "errorDescription", "allCases"}
DATA = {"swift.property", "swift.enum.case", "swift.struct", "swift.enum", "swift.class", "swift.typealias",
        "swift.subscript"}
CALLABLE = {"swift.method", "swift.type.method", "swift.init", "swift.func"}
# The facade's output: what a caller does with a `Rendered` (and the tables it hands out) is render it.
RENDERERS = {"Rendered", "TextTable"}


def named(symbol, parameters_only=False):
    """The symbols a declaration names: in its parameters, or anywhere in it."""
    signature = symbol.get("functionSignature", {})
    fragments = [f for p in signature.get("parameters", []) for f in p.get("declarationFragments", [])]
    if not parameters_only:
        fragments += symbol.get("declarationFragments", []) + signature.get("returns", [])
        fragments += [{"preciseIdentifier": c["rhsPrecise"]}
                      for c in symbol.get("swiftGenerics", {}).get("constraints", []) if "rhsPrecise" in c]
    return {f["preciseIdentifier"] for f in fragments if "preciseIdentifier" in f}


roots = [u for u, s in symbols.items() if s["module"] == "PolsoKit" and s["accessLevel"] == "public"]
constructible = {s["pathComponents"][0] for s in (symbols[u] for u in roots) if s["kind"]["identifier"] == "swift.init"}
inputs = set()
for u in roots:
    symbol = symbols[u]
    if symbol["kind"]["identifier"] in CALLABLE:
        inputs |= named(symbol, parameters_only=True)
    elif (symbol["kind"]["identifier"] == "swift.property" and symbol["pathComponents"][0] in constructible
          and any(f["spelling"] == "var" for f in symbol.get("declarationFragments", []))):
        inputs |= named(symbol)

exposed, reached_from, pending = set(), {}, list(roots)
while pending:
    u = pending.pop()
    if u in exposed or u not in symbols:
        continue
    exposed.add(u)
    following = list(named(symbols[u]) | supertypes[u])
    for m in members[u]:
        member = symbols.get(m)
        if member is None:
            continue
        kind, title = member["kind"]["identifier"], member["names"]["title"]
        constant = kind == "swift.type.property" and u in named(member)
        renders = (kind == "swift.method" and symbols[u]["pathComponents"] in ([r] for r in RENDERERS)
                   and title.startswith(("render", "tables")))
        if (kind in DATA or title in WITNESSES or constant or renders
                or (u in inputs and kind in {"swift.init", "swift.type.property"})):
            following.append(m)
    for v in following:
        reached_from.setdefault(v, u)
        pending.append(v)

inside = "--inside" in sys.argv
found = 0
for u, s in sorted(symbols.items(), key=lambda kv: (kv[1].get("location", {}).get("uri", ""),
                                                     kv[1].get("location", {}).get("position", {}).get("line", 0))):
    if s["module"] not in args or s["accessLevel"] != "public" or "location" not in s or (u in exposed) != inside:
        continue
    found += 1
    chain, p = [], reached_from.get(u)
    while p and len(chain) < 6:
        chain.append(".".join(symbols[p]["pathComponents"]) if p in symbols else p)
        p = reached_from.get(p)
    why = ("\t<- " + " <- ".join(chain)) if "--why" in sys.argv and chain else ""
    location = s["location"]["uri"].replace("file://", "")
    print(f'{location}:{s["location"]["position"]["line"] + 1}\t{s["kind"]["identifier"]}\t{".".join(s["pathComponents"])}{why}')
print(f"public surface: {found} public declaration(s) {'the facade exposes' if inside else 'the facade does not expose'} in {', '.join(args)}",
      file=sys.stderr)
sys.exit(1 if found and "--strict" in sys.argv and not inside else 0)
