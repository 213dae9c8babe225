"""certadvise: explainable advice on fitness and exercise-science certifications."""

__version__ = "0.1.0"
