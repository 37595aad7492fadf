"""Grading a class: read a folder of hostile submissions safely, grade them in parallel with
the sandboxed engine, keep every result on disk as soon as it is known, and resume after a
crash.

The modules, in the order a run uses them: ``project`` (where the checks are), ``intake``
(find the submissions and read their exercise files through ``folder_reader`` and
``zip_reader``, with the types of ``contents``, and ``roster`` for identities), ``store``
(one atomic result file per student), ``pool`` and ``worker`` (warm grading processes that
call the engine through ``grader``), ``progress`` (the progress line) and ``run`` (the
``sourcewise grade`` command, which ends by writing the outputs of ``sourcewise.export``).
"""
