"""Public checks for the second toy exercise: shout a sentence."""

import pytest

from sourcewise.grading import Failure, same

pytestmark = pytest.mark.exercise("toy2")


@pytest.mark.points(1)
def test_shout(student):
    """shout upper-cases its text and adds an exclamation mark."""
    got = student.shout("hi there")
    if not same(got, "HI THERE!"):
        raise Failure("shout('hi there') should return 'HI THERE!'.", expected="HI THERE!",
                      got=got)
