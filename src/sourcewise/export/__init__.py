"""Everything written from graded results or for other platforms, one job per module:
``gradebook`` (Canvas CSV), ``gradescope_results`` (``results.json``), ``junit`` (JUnit
XML), ``feedback`` (per-student Markdown and HTML), ``item_analysis`` and ``item_charts``
(the class item analysis, CSV and SVG), ``gradescope_bundle`` and ``gradescope_run``
(the Gradescope autograder), ``classroom`` and ``classroom_run`` (GitHub Classroom).
"""
