from carepath.cli import run

run()
