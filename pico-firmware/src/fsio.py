# fsio.py - every file operation of the firmware goes through `fs`, so a test can
# swap in a file system that loses power after the N-th operation.
import os


class Fs:
    def read(self, path):
        with open(path, "rb") as f:
            return f.read()

    def write(self, path, data):
        with open(path, "wb") as f:
            f.write(data)

    def append(self, path, data):
        with open(path, "ab") as f:
            f.write(data)

    def rename(self, old, new):
        os.rename(old, new)

    def remove(self, path):
        os.remove(path)

    def mkdir(self, path):
        os.mkdir(path)

    def rmdir(self, path):
        os.rmdir(path)

    def exists(self, path):
        try:
            os.stat(path)
            return True
        except OSError:
            return False

    def listdir(self, path=None):
        return os.listdir(path) if path else os.listdir()


fs = Fs()


def write_atomic(path, data):
    # Write a temporary file, then rename it over the old one: littlefs renames atomically,
    # so a power cut leaves either the old file or the new one.
    tmp = "." + path + ".tmp"
    fs.write(tmp, data)
    fs.rename(tmp, path)


def remove_tree(path):
    # Remove a folder of plain files (our staging and backup folders have no subfolders).
    if fs.exists(path):
        for name in fs.listdir(path):
            fs.remove(path + "/" + name)
        fs.rmdir(path)
