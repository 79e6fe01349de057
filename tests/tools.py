"""Command-line tools some tests run (xmllint, pdftotext): each from a Debian package."""

import os
import shutil

import pytest


def missing_tool(message):
    """Skip the test, or fail it under CI=1: CI installs every tool a test needs."""
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def need_tool(command, package):
    """The tool's path; without it, ``missing_tool``."""
    path = shutil.which(command)
    if path is None:
        missing_tool(f"This test needs {command} (apt-get install {package}).")
    return path
