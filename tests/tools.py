"""Command-line tools some tests run (xmllint, pdftotext): each from a Debian package."""

import os
import shutil

import pytest


def need_tool(command, package):
    """The tool's path. Without it the test is skipped, or fails under CI=1, which installs it."""
    path = shutil.which(command)
    if path is None:
        message = f"This test needs {command} (apt-get install {package})."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path
