# The few things people run often. Each is also written out in the README.
.PHONY: run test generate bench fuzz check

run:        ## serve on the embedded store with demo data
	go run ./cmd/innoport

test:       ## the whole test suite (embedded FerretDB; MONGODB_URI to use a real MongoDB)
	go test ./...

generate:   ## regenerate the GraphQL code from web-schema/
	go tool gqlgen generate

bench:      ## benchmarks, with figures per request
	go test ./app -run '^$$' -bench StartupsPage -benchtime 3s
	go test ./app -run '^$$' -bench SubmitApplication -benchtime 200x
	go test ./app -run '^$$' -bench ObservabilityOverhead -benchtime 3s
	go test ./domain/screening -run '^$$' -bench Screen100k -benchtime 5x -benchmem
	go test ./store -run '^$$' -bench RunBookkeeping -benchtime 3s
	go test ./matching -run '^$$' -bench 'Rescore|Naive' -benchtime 3x -benchmem
	go test ./domain/events -run '^$$' -bench Schedule -benchtime 20x
	go test ./store -run '^$$' -bench EventBoard -benchtime 20x
	go test ./app -run '^$$' -bench MatchmakingDay -benchtime 3x -timeout 30m
	go test ./store -run '^$$' -bench Search100k -benchtime 1x -timeout 30m

fuzz:       ## fuzz the scalar parsers and validators for a while each
	go test ./domain/value -run '^$$' -fuzz '^FuzzNewTaxCode$$' -fuzztime 30s
	go test ./domain/value -run '^$$' -fuzz '^FuzzParseVND$$' -fuzztime 30s
	go test ./domain/value -run '^$$' -fuzz '^FuzzParseDate$$' -fuzztime 30s
	go test ./domain/value -run '^$$' -fuzz '^FuzzParseDateTime$$' -fuzztime 30s
	go test ./domain/value -run '^$$' -fuzz '^FuzzText$$' -fuzztime 30s
	go test ./graph/model -run '^$$' -fuzz '^FuzzUnmarshalScalars$$' -fuzztime 30s

check:      ## what CI runs
	bash .ci/run
