"""Every check a maintainer runs: plain `nox` runs the default set, which is what CI runs."""

from __future__ import annotations

import os
import re

import nox

PYPROJECT = nox.project.load_toml("pyproject.toml")
TEST = nox.project.dependency_groups(PYPROJECT, "test")
TYPECHECK = nox.project.dependency_groups(PYPROJECT, "typecheck")
LINT = nox.project.dependency_groups(PYPROJECT, "lint")
DOCS = nox.project.dependency_groups(PYPROJECT, "docs")
PACKAGE = nox.project.dependency_groups(PYPROJECT, "package")
BENCH = nox.project.dependency_groups(PYPROJECT, "bench")
# Every check installs with these pins, so a release on the package index
# cannot turn CI red: `nox -s lock` refreshes them (a commit of its own) and
# `nox -s upstream` runs the suite against the newest releases instead.
CONSTRAINTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "constraints.txt")
PINNED = ("-c", CONSTRAINTS)
CLASSIFIERS = "\n".join(PYPROJECT["project"]["classifiers"])
PYTHON_VERSIONS = re.findall(r"Programming Language :: Python :: (3\.\d+)", CLASSIFIERS)

nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_existing_virtualenvs = True
nox.options.sessions = [
    "lint",
    "typecheck",
    "pyright",
    "docs",
    "tests_core",
    "chalice",
    "powertools",
    "boto3",
    "tests",
    "readme",
    "types_extra",
]
# Only the current interpreter is sure to exist on our machines: the version
# matrix (`nox -s tests_versions`) is opt-in and skips what is missing.
nox.options.error_on_missing_interpreters = False

PYTEST = ("pytest", "--strict-config", "--strict-markers", "-q")


@nox.session
def lint(session: nox.Session) -> None:
    """Ruff lint and format check over the whole tree."""
    session.install(*LINT, *PINNED)
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def typecheck(session: nox.Session) -> None:
    """mypy --strict over s3types, adapters, examples, tests and this file."""
    session.install("-e", ".[all]", *TYPECHECK, *PINNED)
    session.run("mypy", "--strict")


@nox.session
def pyright(session: nox.Session) -> None:
    """pyright strict over the package, adapters, examples and tests/typing (see pyproject)."""
    session.install("-e", ".[all]", *TYPECHECK, *PINNED)
    session.run("pyright")


@nox.session
def docs(session: nox.Session) -> None:
    """Build the site into ``site/`` (``mkdocs build --strict``), test it; ``-- serve`` serves it.

    ``nox -s docs`` builds into ``site/`` (open ``site/index.html``), then
    runs tests/docs on that build (every page, no raw Sphinx role, a broken
    link fails a build). ``nox -s docs -- serve [ADDRESS]`` runs ``mkdocs
    serve`` instead, at http://127.0.0.1:8000 unless ADDRESS says otherwise;
    Ctrl-C stops it.
    """
    session.install("-e", ".[all]", *DOCS, *PINNED)
    env = {"NO_MKDOCS_2_WARNING": "1"}
    if session.posargs[:1] == ["serve"]:
        address = session.posargs[1] if len(session.posargs) > 1 else "127.0.0.1:8000"
        session.run("mkdocs", "serve", "--strict", "--dev-addr", address, env=env)
        return
    session.install(*TEST, *PINNED)
    session.run("mkdocs", "build", "--strict", "--site-dir", "site", env=env)
    session.run(*PYTEST, "tests/docs", *session.posargs, env={**env, "S3TYPES_SITE": "site"})


@nox.session
def package(session: nox.Session) -> None:
    """Release check: sdist and wheel built, ``twine check``, the sdist passes the core tests."""
    import glob
    import shutil
    import tarfile

    session.install(*PACKAGE, *PINNED)
    dist = session.create_tmp() + "/dist"
    shutil.rmtree(dist, ignore_errors=True)
    session.run("python", "-m", "build", "--outdir", dist)
    session.run("twine", "check", "--strict", *glob.glob(f"{dist}/*"))
    # Install the sdist (not the tree) with the test group, and run the core
    # tests from the sdist's own copy of them, outside this folder.
    [sdist] = glob.glob(f"{dist}/s3types-*.tar.gz")
    unpacked = session.create_tmp() + "/sdist"
    shutil.rmtree(unpacked, ignore_errors=True)
    with tarfile.open(sdist) as archive:
        archive.extractall(unpacked, filter="data")
    [root] = glob.glob(f"{unpacked}/s3types-*")
    session.install(sdist, *TEST, *PINNED)
    session.chdir(root)
    # The tests must exercise the installed sdist, not the unpacked sources.
    session.run(
        "python",
        "-I",
        "-c",
        "import s3types, sys; sys.exit(None if 'site-packages' in s3types.__file__"
        " else f'testing {s3types.__file__}, not the installed sdist')",
    )
    session.run(*PYTEST, "-p", "no:cacheprovider", "tests/core", *session.posargs)
    # The wheel's chalice-stubs make `from chalice import Chalice` type-check for a
    # user: mypy --strict and pyright strict on the Chalice example, outside any
    # project configuration, against the installed (not editable) wheel.
    [wheel] = glob.glob(f"{dist}/s3types-*.whl")
    session.install(f"{wheel}[chalice]", "mypy", "pyright", *PINNED)
    user = session.create_tmp() + "/user"
    shutil.rmtree(user, ignore_errors=True)
    shutil.copytree(f"{root}/examples", user)
    session.chdir(user)
    with open("pyrightconfig.json", "w", encoding="utf-8") as config:
        config.write('{"typeCheckingMode": "strict"}')
    session.run("mypy", "--strict", "chalice_app.py")
    session.run("pyright", "chalice_app.py")


# argv: the mypy-boto3-* distributions expected; exits non-zero naming the difference.
_ONLY_THESE_STUBS = """
import importlib.metadata, sys
names = {d.metadata["Name"].lower().replace("_", "-") for d in importlib.metadata.distributions()}
found = sorted(n for n in names if n.startswith("mypy-boto3-"))
want = sys.argv[1:]
sys.exit(None if found == want else f"stubs installed: {found}; the types extra's: {want}")
"""


@nox.session
def types_extra(session: nox.Session) -> None:
    """mypy --strict and pyright strict on every example with only ``s3types[types]``'s stubs.

    As a user would: the package installed (not editable) with its extras,
    plus mypy and pyright (not the typecheck group, which has more stubs),
    and the examples checked from a copy outside this project's
    configuration. The installed ``mypy_boto3_*`` packages must be exactly
    the ``types`` extra's, so an API that names a client the extra lacks fails here.
    """
    import shutil

    session.install(".[all]", "mypy", "pyright", *PINNED)
    session.install("--no-deps", "--force-reinstall", ".")
    [stubs] = PYPROJECT["project"]["optional-dependencies"]["types"]
    services = re.search(r"\[(.*)\]", stubs)
    assert services is not None, f"the types extra names no services: {stubs}"
    expected = sorted(f"mypy-boto3-{name.strip()}" for name in services[1].split(","))
    session.run("python", "-c", _ONLY_THESE_STUBS, *expected)
    # The examples import each other as the package `examples`: a user's
    # project folder holding it, with no configuration but strict mode.
    user = session.create_tmp() + "/user"
    shutil.rmtree(user, ignore_errors=True)
    shutil.copytree("examples", f"{user}/examples", ignore=shutil.ignore_patterns("__pycache__"))
    session.chdir(user)
    with open("pyrightconfig.json", "w", encoding="utf-8") as config:
        config.write('{"typeCheckingMode": "strict"}')
    examples = sorted(f"examples/{name}" for name in os.listdir("examples") if name.endswith(".py"))
    # examples/ is a namespace package (no __init__.py): its base is this folder.
    session.run("mypy", "--strict", "--explicit-package-bases", *examples)
    session.run("pyright", *examples)


@nox.session
def tests_core(session: nox.Session) -> None:
    """Core and plain-Lambda tests with no extra installed (proves `import s3types` alone)."""
    session.install("-e", ".", *TEST, *PINNED)
    session.run(
        "python",
        "-c",
        "import importlib.util as u, sys;"
        "extra = [m for m in ('chalice', 'aws_lambda_powertools', 'boto3', 'moto')"
        " if u.find_spec(m)]; sys.exit(f'extras present: {extra}' if extra else 0)",
    )
    session.run(
        *PYTEST,
        "tests/core",
        "tests/deliveries",
        "tests/test_layers.py",
        "tests/cli/test_cli_core.py",
        "tests/cli/test_cli_contract.py",
        "tests/adapters/test_lambda.py",
        "tests/adapters/test_lambda_latest_only.py",
        "tests/adapters/test_lambda_batch_outcome.py",
        *session.posargs,
    )


@nox.session
def chalice(session: nox.Session) -> None:
    """The Chalice adapter's tests with only the chalice extra installed."""
    session.install("-e", ".[chalice]", *TEST, *PINNED)
    session.run(*PYTEST, "tests/adapters/test_chalice.py", *session.posargs)


@nox.session
def powertools(session: nox.Session) -> None:
    """The Powertools adapter's tests with only the powertools extra installed."""
    session.install("-e", ".[powertools]", *TEST, *PINNED)
    session.run(*PYTEST, "tests/adapters/test_powertools.py", *session.posargs)


@nox.session
def boto3(session: nox.Session) -> None:
    """The typed S3 operations against moto's S3 server (boto3 + server extras)."""
    session.install("-e", ".[boto3,server]", *TEST, *PINNED)
    session.run(*PYTEST, "tests/ops", *session.posargs)


@nox.session
def tests(session: nox.Session) -> None:
    """The whole test suite with every extra installed (examples, CLI and demo included).

    On every core (pytest-xdist, one test file per worker at a time): the
    suite waits on local servers and subprocesses as much as it computes.
    """
    session.install("-e", ".[all]", *TEST, *PINNED)
    session.run(*PYTEST, "-n", "auto", "--dist", "loadfile", *session.posargs)


@nox.session
def readme(session: nox.Session) -> None:
    """Replay the README's "Try it" commands in a fresh clone and venv (committed HEAD).

    The docs home page shows the same commands: the demo, the docs built
    and served (the home page fetched from 127.0.0.1), and mypy and pyright
    on the first example with only the ``types`` extra's stubs.
    """
    session.install(*TEST, *PINNED)
    # The replayed `pip install` resolves with the same pins as every other check.
    pins = {"PIP_CONSTRAINT": CONSTRAINTS, "UV_CONSTRAINT": CONSTRAINTS}
    session.run(*PYTEST, "tests/readme", *session.posargs, env=pins)


@nox.session(python=PYTHON_VERSIONS)
def tests_versions(session: nox.Session) -> None:
    """The whole suite on every Python the classifiers declare that this machine has."""
    session.install("-e", ".[all]", *TEST, *PINNED)
    session.run(*PYTEST, *session.posargs)


@nox.session
def fuzz(session: nox.Session) -> None:
    """Opt-in, not in the default set: the fuzz suite at full size, over 100,000 inputs.

    ``S3TYPES_FUZZ_EXAMPLES`` (default 24,000; ``nox -s fuzz -- 50000`` sets
    another) is the number of inputs per fuzz test in
    tests/robustness/test_fuzz.py (a tenth of it for the two tests that
    build whole deliveries, and for the trigger constructors' fuzz test in
    tests/robustness/test_fuzz_triggers.py) and in tests/robustness/test_fuzz_invocations.py
    (Batch Operations jobs and Object Lambda requests; a share of it for the
    costlier tests), then the property suite. About 25 minutes on 2 cores;
    Hypothesis' statistics show how many inputs each test ran.
    """
    session.install("-e", ".", *TEST, *PINNED)
    examples = session.posargs[0] if session.posargs else "24000"
    session.run(
        *PYTEST,
        "tests/robustness/test_fuzz.py",
        "tests/robustness/test_fuzz_triggers.py",
        "tests/robustness/test_fuzz_invocations.py",
        "tests/robustness/test_properties.py",
        "--hypothesis-show-statistics",
        env={"S3TYPES_FUZZ_EXAMPLES": examples},
    )


@nox.session
def stress(session: nox.Session) -> None:
    """Opt-in, not in the default set: the streaming memory tests at full size.

    ``S3TYPES_STRESS=1``: create_object writes 300 MiB through gzip, and the
    streaming pipeline example filters a 200 MiB gzipped CSV, each against
    an S3 server in its own process, under three parts of traced
    allocations. A few minutes on 2 cores.
    """
    session.install("-e", ".[all]", *TEST, *PINNED)
    session.run(
        *PYTEST,
        "-s",
        "tests/ops/test_ops_writer_memory.py",
        *session.posargs,
        env={"S3TYPES_STRESS": "1"},
    )


@nox.session
def examples(session: nox.Session) -> None:
    """Run the example functions' tests (they are also type-checked by `typecheck`)."""
    session.install("-e", ".[all]", *TEST, *PINNED)
    session.run(*PYTEST, "tests/examples", *session.posargs)


@nox.session
def bench(session: nox.Session) -> None:
    """Measure s3types against its peers; writes benchmarks/README.md and the chart."""
    session.install("-e", ".[all]", *BENCH, *PINNED)
    session.run("python", "benchmarks/run.py", *session.posargs)


@nox.session
def demo(session: nox.Session) -> None:
    """The main job end to end: `s3types demo` on an embedded moto S3 server."""
    session.install("-e", ".[all]", *PINNED)
    session.run("s3types", "demo", *session.posargs)


def _requirements() -> list[str]:
    """Every requirement any check installs: dependencies, extras, groups, CI's tools."""
    project = PYPROJECT["project"]
    wanted = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        wanted += [r for r in extra if not r.startswith("s3types")]
    for group in PYPROJECT["dependency-groups"]:
        wanted += nox.project.dependency_groups(PYPROJECT, group)
    return [*sorted(set(wanted)), "nox", "uv"]


@nox.session(venv_backend="none")
def lock(session: nox.Session) -> None:
    """Refresh constraints.txt, the pins every check installs with (commit it on its own).

    Resolves every dependency, extra and dependency group of pyproject.toml,
    plus nox and uv for .ci/run, for every Python the classifiers declare
    (``--universal``), to the newest releases today. Run ``nox -s upstream``
    first to see whether the newest releases pass.
    """
    requirements = session.create_tmp() + "/requirements.in"
    with open(requirements, "w", encoding="utf-8") as out:
        out.write("\n".join(_requirements()) + "\n")
    session.run(
        "uv",
        "pip",
        "compile",
        "--quiet",
        "--universal",
        "--no-annotate",
        "--custom-compile-command",
        "nox -s lock",
        "--python-version",
        PYTHON_VERSIONS[0],
        requirements,
        "-o",
        CONSTRAINTS,
        external=True,
    )


@nox.session
def upstream(session: nox.Session) -> None:
    """Opt-in: the whole suite against the newest releases, without the pins.

    Shows drift (a new botocore with S3 event types we do not know, a moto
    that behaves differently) without turning CI red; when it passes,
    ``nox -s lock`` moves the pins forward.
    """
    session.install("--upgrade", "-e", ".[all]", *TEST)
    session.run(
        "python",
        "-c",
        "import importlib.metadata as m; print(', '.join(f'{n} {m.version(n)}' for n in"
        " ('botocore', 'boto3', 'moto', 'pydantic', 'aws-lambda-powertools', 'chalice')))",
    )
    session.run(*PYTEST, *session.posargs)
