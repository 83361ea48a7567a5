console.log("gc-onboard CLI: under construction");
