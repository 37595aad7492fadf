"""The student release: prove the exercises are sound, then build a bundle with no answers."""
