from multilateral.cli import main

main()
