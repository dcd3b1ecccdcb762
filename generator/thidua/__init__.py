"""thidua: Vietnamese emulation and commendation campaigns as code."""

__version__ = "0.1.0"
