# The service image. Build: docker build -t cmdb .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props Cmdb.sln ./
COPY src/ src/
RUN dotnet publish src/Api/Cmdb.Api.csproj -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# LDAP client library for System.DirectoryServices.Protocols (package name differs by distribution).
RUN apt-get update \
    && (apt-get install -y --no-install-recommends libldap2 || apt-get install -y --no-install-recommends libldap-2.5-0) \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
# LDAPTIMEOUT: libldap gives up on an LDAP server that accepts connections but never answers.
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    LDAPTIMEOUT=15
EXPOSE 8080
USER app
ENTRYPOINT ["dotnet", "Cmdb.Api.dll"]
