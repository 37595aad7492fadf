"""MkDocs hook: Sourcewise's pages generated from data. The logic lives in ``sourcewise.site``.

After the build, ``sourcewise.site.runner`` writes the exercise runner into ``runner/`` of
the built site, and ``sourcewise.site.runner_page`` adds the editor to coded exercise pages.

The build is chosen by ``extra.sourcewise.audience`` in the config: ``student`` (mkdocs.yml)
or ``instructor`` (mkdocs.instructor.yml, which inherits mkdocs.yml). ``extra.sourcewise.case``
and ``extra.sourcewise.glossary`` may name another case-study folder and glossary file,
relative to the config file (the defaults are the ones bundled with the package).
``sourcewise release --reveal`` sets ``SOURCEWISE_AUDIENCE=revealed`` and
``SOURCEWISE_SOLUTIONS`` (the reference solutions' folder) in the build's environment: the
student site after the deadline, with the worked answers.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from sourcewise.casestudy import CaseStudyError
from sourcewise.site import (
    nav,
    pages,
    runner,
    runner_page,
    sourced_page,
    trace_page,
    worked_answers,
)
from sourcewise.site.audience import Audience
from sourcewise.site.glossary import GlossaryError

# Under "mkdocs." so that a warning fails a strict build.
log = logging.getLogger("mkdocs.hooks.sourcewise_site")
_build: dict = {}


def on_config(config):
    settings = config.extra.get("sourcewise") or {}
    here = Path(config.config_file_path).parent
    case, glossary = settings.get("case"), settings.get("glossary")
    try:
        audience = Audience.parse(os.environ.get("SOURCEWISE_AUDIENCE")
                                  or settings.get("audience", "student"))
        _build["data"] = pages.prepare(audience, here / case if case else None,
                                       here / glossary if glossary else None,
                                       os.environ.get("SOURCEWISE_SOLUTIONS"))
    except (CaseStudyError, GlossaryError, ValueError) as err:
        raise PluginError(f"Sourcewise cannot build the site: {err}") from err
    if _build["data"].trace is None:
        config.nav = nav.without_page(config.nav, trace_page.PAGE)
    if _build["data"].sourced is None:
        config.nav = nav.without_page(config.nav, sourced_page.PAGE)
    if audience is Audience.INSTRUCTOR:
        config.nav = nav.with_answer_key(config.nav)
    if audience is Audience.REVEALED:
        config.nav = worked_answers.with_worked_answers(config.nav)
    return config


def on_files(files, config):
    data = _build["data"]
    written = [file.src_uri for file in files.documentation_pages()]
    linker = _build["linker"] = pages.linker_for(data, written, config.use_directory_urls)
    for message in pages.problems(data, linker):
        log.warning(message)
    for path, content in pages.generated_pages(data, linker).items():
        existing = files.get_file_from_path(path)
        if existing is not None:
            log.warning("docs/%s is generated from data: delete the hand-written file", path)
            files.remove(existing)
        files.append(File.generated(config, path, content=content))
    return files


def on_page_markdown(markdown, page, config, files):
    text, unknown = pages.expand_page(markdown, _build["data"], _build["linker"], page.file.src_uri)
    for message in unknown:
        log.warning(message)
    root = runner.project_root(Path(config.config_file_path).parent)
    if root is None:
        return text
    return runner_page.add_runner(text, page.file.src_uri, root / "exercises")


def on_post_build(config):
    root = runner.project_root(Path(config.config_file_path).parent)
    if root is None:
        log.info("no web/ folder: the exercise runner is left out of this build")
        return
    try:
        runner.build_runner(root, Path(config.site_dir))
    except runner.RunnerBuildError as err:
        raise PluginError(f"Sourcewise cannot build the exercise runner: {err}") from err
