"""Page generation for the Sourcewise site, called by the MkDocs hook and the command line.

Modules: ``pages`` (what a build generates), ``audience`` (student and instructor views),
``casepage``/``annotated``/``claimmap``/``legend`` (the annotated article), ``sources_page``,
``numbers_page``, ``glossary``, ``exercise_index``, ``answer_key``, ``nav``, ``html``.
"""
