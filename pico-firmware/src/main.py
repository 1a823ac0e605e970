# main.py - runs at power-up, after boot.py has finished or undone any update: serve the
# track controller on the USB serial line (serve.py).
import serve


def main():
    serve.main()


if __name__ == "__main__":
    main()
