from notewright.cli import main

raise SystemExit(main())
