"""Everything written from graded results, or for other platforms; one job per module.

From the stored records (``class_results`` parses them into the engine's result model):
``gradebook`` (the Canvas CSV and the status file), ``gradescope_results`` (Gradescope's
``results.json``), ``junit`` (JUnit XML), ``feedback`` (per-student Markdown and HTML,
written through the small ``document`` model), ``item_analysis`` (the numbers and CSV),
``item_charts`` (SVG pictures drawn with ``svg``) and ``analysis_report`` (their folder and
page); ``outputs`` writes them all. For other platforms: ``gradescope_bundle`` and
``gradescope_run`` (the Gradescope autograder), ``classroom`` and ``classroom_run`` (GitHub
Classroom); ``archive`` writes reproducible zips.
"""
